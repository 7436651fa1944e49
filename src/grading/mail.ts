import { convert } from 'html-to-text';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message as the grader needs it: who sent it, when, and the text its answers are in. */
export interface MailMessage {
  readonly messageId: string | null;
  readonly from: string | null;
  /** The first address the message was sent to: the course's, where a reply comes from. */
  readonly to: string | null;
  /** The References header's message ids, for threading a reply. */
  readonly references: readonly string[];
  readonly subject: string;
  readonly date: Date | null;
  /** The student's own text: quoted replies removed, answer attachments appended. */
  readonly text: string;
  readonly autoReply: boolean;
}

/**
 * Split an mbox file at its `From ` separator lines (a line starting with "From " after a
 * blank line, or the first line) and undo the `>From ` quoting of lines inside messages.
 */
export function splitMbox(mbox: Buffer): Buffer[] {
  const text = mbox.toString('latin1');
  const starts: number[] = [];
  // A separator line is `From <sender> <date>`: a body line such as "From what I computed"
  // has no time and no year, and does not split the message.
  const separator = /(^|\n)From \S+ [^\n]*\d{1,2}:\d{2}[^\n]*\d{4}[^\n]*\n/g;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    const at = match.index + match[1]!.length;
    if (at === 0 || text[at - 2] === '\n' || (text[at - 2] === '\r' && text[at - 3] === '\n')) starts.push(at);
  }
  return starts.map((start, i) => {
    const bodyStart = text.indexOf('\n', start) + 1;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    // latin1 maps bytes one to one, so the slice keeps the message's own bytes.
    const message = text.slice(bodyStart, end).replace(/\r?\n$/, '').replace(/^>(>*From )/gm, '$1');
    return Buffer.from(message, 'latin1');
  });
}

/** Parse one message (RFC 5322 bytes) into what grading needs. */
export async function readMessage(bytes: Buffer): Promise<MailMessage> {
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const parts = [ownText(bodyText(mail))];
  for (const attachment of mail.attachments) {
    if (/\.(txt|csv)$/i.test(attachment.filename ?? '') || /^text\/(plain|csv)/i.test(attachment.contentType)) {
      parts.push(decodeText(attachment.content));
    }
  }
  const from = mail.from?.value[0]?.address ?? null;
  const to = (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? null;
  const references = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references];
  return {
    messageId: mail.messageId ?? null,
    from: from === null ? null : from.trim(),
    to,
    references,
    subject: mail.subject ?? '',
    date: headerDate(mail),
    text: parts.join('\n'),
    autoReply: isAutoReply(mail),
  };
}

/** Return the body as text: the plain part, or the HTML part converted with each table cell on its own line. */
function bodyText(mail: ParsedMail): string {
  if (typeof mail.text === 'string' && mail.text.trim() !== '' && mail.html === false) return mail.text;
  if (typeof mail.html === 'string') {
    return convert(mail.html, {
      wordwrap: false,
      selectors: [
        { selector: 'td', format: 'block' },
        { selector: 'th', format: 'block' },
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'img', format: 'skip' },
      ],
    });
  }
  return mail.text ?? '';
}

/** Lines that introduce a quoted message: "El … escribió:", "On … wrote:", forwarded headers. */
const quoteIntroduction = /(?:escribió|wrote):\s*$|^-{2,}\s*(?:Mensaje original|Original Message|Forwarded message|Mensaje reenviado)\s*-{2,}$/i;

/**
 * Keep only what the student wrote: drop `>` lines and everything from a reply's
 * introduction line on, since the quoted homework e-mail contains numbers that must never be
 * graded.
 */
export function ownText(text: string): string {
  const ownLines: string[] = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (quoteIntroduction.test(line.trim())) break;
    if (/^\s*>/.test(line)) continue;
    ownLines.push(line);
  }
  return ownLines.join('\n');
}

/**
 * Read the Date header, or return null when it is missing or invalid. mailparser puts the
 * current time in place of an invalid one, so a re-run would differ and lateness would
 * depend on the clock.
 */
function headerDate(mail: ParsedMail): Date | null {
  const raw = mail.headerLines.find((header) => header.key === 'date')?.line.replace(/^date:\s*/i, '');
  if (raw === undefined) return null;
  const date = new Date(raw.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(date.getTime()) ? null : date;
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

const autoReplySubject = /^(?:respuesta autom[aá]tica|automatic reply|auto(?:matic)?[- ]?reply|out of office|fuera de la oficina)\b/i;

function isAutoReply(mail: ParsedMail): boolean {
  const submitted = mail.headers.get('auto-submitted');
  if (typeof submitted === 'string' && submitted.toLowerCase() !== 'no') return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return true;
  return autoReplySubject.test((mail.subject ?? '').trim());
}
