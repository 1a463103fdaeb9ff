import type { TextPart } from '../../../electron/common/index.js';

/** A snippet with the matched words in <mark>, built as React nodes (never as an HTML string). */
export function Highlight({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
