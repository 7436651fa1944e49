import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailMessage } from './mail.js';

/**
 * Write the feedback as an e-mail reply to the student's message, ready to send or import: the
 * same thread (In-Reply-To, References), from the address the student wrote to. Its
 * Message-ID and Date are derived from the original, so a re-run writes the same bytes.
 */
export async function feedbackReply(
  original: MailMessage,
  studentAddress: string,
  feedback: string,
  attachment: { readonly filename: string; readonly content: Buffer } | null = null,
): Promise<Buffer> {
  const references = original.messageId === null ? [...original.references] : [...original.references, original.messageId];
  const digest = createHash('sha256').update(`${original.messageId ?? ''}\n${studentAddress}\n${feedback}`).digest('hex').slice(0, 24);
  const domain = (original.to ?? 'cadena.invalid').split('@')[1] ?? 'cadena.invalid';
  const composer = new MailComposer({
    ...(original.to !== null && { from: original.to }),
    to: studentAddress,
    subject: /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`,
    text: feedback,
    ...(original.messageId !== null && { inReplyTo: original.messageId }),
    references,
    messageId: `<feedback-${digest}@${domain}>`,
    date: original.date ?? new Date(0),
    ...(attachment !== null && { attachments: [{ filename: attachment.filename, content: attachment.content, contentType: 'application/pdf' }] }),
    // A fixed boundary, so that a re-run writes the same bytes.
    baseBoundary: digest,
  });
  return composer.compile().build();
}
