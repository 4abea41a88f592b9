import type { OutputOf } from '../../shared/api';
import { count } from '../../shared/wording';

type Preview = OutputOf<'previewVehicles'>;

/** What the import does to the stock, counted against the database when the file was read. */
export function StockEffect({ stock, mode }: { stock: Preview['stock']; mode: Preview['inStock'] }) {
  if (!stock) {
    return (
      <p className="stock-effect" data-testid="stock-effect">
        What is in stock does not change.
      </p>
    );
  }
  const text = `${count(stock.added)} added to the stock, ${count(stock.staying)} already in stock`;
  return (
    <div className={mode === 'replace' && stock.leaving > 0 ? 'banner warning' : 'stock-effect'} data-testid="stock-effect">
      {mode === 'replace' ? (
        <strong>
          {count(stock.leaving)} vehicles leave the stock (not in this file); {text}.
        </strong>
      ) : (
        `${text}; none leave the stock.`
      )}
    </div>
  );
}
