import { useEffect, useState } from 'react';
import type { AttachmentRecord, InvoiceCheck } from '../../../../electron/common/index.js';
import { ATTACHMENT_MIME } from '../../../../electron/common/index.js';
import { isDesktop, kb } from '../../api/index.js';
import { reportError } from '../../services/notices.js';
import { useT } from '../../i18n/useT.js';
import { PdfPage } from './PdfPage.js';
import { dataUrl, isImage } from './uploadFile.js';

/** The invoice checklist beside a PDF or image: each item Amazon asks for, found or missing. */
function InvoiceChecklist({ check }: { check: InvoiceCheck }) {
  const t = useT();
  return (
    <section className="invoice-check" aria-labelledby="invoice-check-title" data-testid="invoice-check">
      <h3 id="invoice-check-title">{t.attachments.invoice}</h3>
      <p className="muted">{t.attachments.invoiceHint(check.referenceDate)}</p>
      <ul>
        {check.items.map((item) => (
          <li
            key={item.key}
            className={item.found ? 'found' : 'missing'}
            data-testid={`invoice-${item.key}`}
            data-found={item.found}
          >
            <span aria-hidden="true">{item.found ? '✓' : '✗'}</span> {t.attachments.invoiceItems[item.key]}:{' '}
            <strong>{item.found ? t.attachments.found : t.attachments.missing}</strong>
            {item.detail && <span className="muted"> — {item.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Shows one attachment without ever running its content: an image as a data: URL in an <img>,
 * a PDF's first page drawn by pdf.js on a canvas, and the text the core read from the file.
 */
export function AttachmentViewer({
  record,
  text,
  onClose,
}: {
  record: AttachmentRecord;
  text: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  const [check, setCheck] = useState<InvoiceCheck | null>(null);
  const invoiceLike = record.type === 'pdf' || isImage(record);

  useEffect(() => {
    let current = true;
    if (isImage(record))
      kb.getAttachment({ id: record.id }).then(
        (content) => current && setImage(dataUrl(ATTACHMENT_MIME[record.type], content.base64)),
        reportError,
      );
    return () => {
      current = false;
    };
  }, [record.id, record.type]);

  useEffect(() => {
    let current = true;
    if (invoiceLike && record.textStatus === 'done')
      kb.checkAttachmentInvoice({ id: record.id }).then((result) => current && setCheck(result), reportError);
    return () => {
      current = false;
    };
  }, [record.id, record.textStatus, invoiceLike]);

  return (
    <section className="attachment-viewer" aria-label={record.name} data-testid="attachment-viewer">
      <header>
        <h3>{record.name}</h3>
        {isDesktop && (
          <button
            type="button"
            onClick={() =>
              window.confirm(t.attachments.openExternallyConfirm) &&
              void kb.openAttachmentExternally({ id: record.id }).catch(reportError)
            }
          >
            {t.attachments.openExternally}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t.attachments.close}
        </button>
      </header>
      <div className="attachment-viewer-body">
        <div className="attachment-content">
          {image && <img src={image} alt={record.name} data-testid="attachment-image" />}
          {record.type === 'pdf' && (
            <PdfPage
              id={record.id}
              width={560}
              label={`${record.name}: ${t.attachments.pdfPage}`}
              testId="attachment-pdf-page"
            />
          )}
          <h4>{t.attachments.text}</h4>
          {text ? (
            <pre className="attachment-text" data-testid="attachment-text">
              {text}
            </pre>
          ) : (
            <p className="muted">{t.attachments.noText}</p>
          )}
        </div>
        {invoiceLike && check && <InvoiceChecklist check={check} />}
      </div>
    </section>
  );
}
