import { useActions } from './Actions';
import { OrderForm } from './OrderForm';

/** The workspace for an order typed by hand: the form, then the order's case. */
export function NewOrderPage() {
  const { openCase } = useActions();
  return (
    <main className="workspace">
      <OrderForm onSaved={openCase} />
    </main>
  );
}
