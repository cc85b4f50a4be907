import type { MessageKey } from './en';

export const fr: Record<MessageKey, string> = {
  'app.name': 'CaseClock',
  'app.tagline': 'Les délais de litige de vos commandes en ligne',
  'orders.heading': 'Commandes suivies',
  'orders.empty.title': 'Aucune commande suivie pour l’instant',
  'orders.empty.body':
    'Ouvrez une de vos commandes sur {sites} et CaseClock commencera à surveiller ses délais de litige. Tout reste sur cet ordinateur.',
  'order.number': 'Commande {number}',
  'order.total': 'Total',
  'order.status.unknown': 'Statut pas encore lu',
  'order.lastSeen': 'Vue le {date}',
  'status.awaiting-payment': 'En attente de paiement',
  'status.awaiting-shipment': 'En attente d’expédition',
  'status.shipped': 'Expédiée',
  'status.delivered': 'Livrée',
  'status.completed': 'Terminée',
  'status.cancelled': 'Annulée',
  'status.in-dispute': 'En litige',
  'status.refunded': 'Remboursée',
  'status.in-warehouse': 'À l’entrepôt',
};
