/**
 * Text of the interface that quotes examples in another script ("例如 "our operations manager""):
 * each quoted Latin example is marked lang="en", so screen readers and spellcheckers read it as
 * English and the page's own language stays right around it.
 */
export function QuotedExamples({ text }: { text: string }) {
  const parts = text.split(/("[^"]*")/);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('"') && !/\p{Script=Han}/u.test(part) ? (
          <span key={index} lang="en">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
