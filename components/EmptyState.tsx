import { joinList } from '@/lib/i18n';
import { ADAPTERS } from '@/lib/marketplaces';
import { useI18n } from './I18n';

export function EmptyState() {
  const { t, language } = useI18n();
  const sites = joinList(
    ADAPTERS.map((adapter) => adapter.name),
    language,
  );
  return (
    <section className="empty-state">
      <h2>{t('orders.empty.title')}</h2>
      <p>{t('orders.empty.body', { sites })}</p>
    </section>
  );
}
