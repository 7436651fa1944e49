import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/grading/mail.js';
import { matchMessages } from '../../src/grading/match.js';

const students = [
  { id: 'A01', email: 'ana@example.edu', variant: 'K7P2QX' },
  { id: 'A02', email: 'beto@example.edu', variant: 'M3ZZ8B' },
];
const message = (from: string, subject: string, date: string | null, extra: Partial<MailMessage> = {}): MailMessage => ({
  messageId: null,
  from,
  to: 'profe@example.edu',
  references: [],
  subject,
  date: date === null ? null : new Date(date),
  text: '',
  autoReply: false,
  ...extra,
});
const deadline = new Date('2026-12-18T23:59:00-03:00');

describe('matchMessages', () => {
  it('matches by address, ignoring case', () => {
    const result = matchMessages([message('Ana@Example.EDU', 'tarea', '2026-12-15T10:00:00Z')], students, deadline);
    expect(result.byStudent.get('A01')!.counted).toMatchObject({ matchedBy: 'address', index: 0 });
  });

  it('matches by code, then by id', () => {
    const result = matchMessages(
      [message('ana.personal@gmail.example', 'tarea-clase6 [k7p2qx]', null), message('otro@example.com', 'Entrega de A02', null)],
      students,
      deadline,
    );
    expect(result.byStudent.get('A01')!.counted).toMatchObject({ matchedBy: 'code' });
    expect(result.byStudent.get('A02')!.counted).toMatchObject({ matchedBy: 'id' });
  });

  it('does not match an id inside a longer word', () => {
    const result = matchMessages([message('x@example.com', 'A012 y XA01', null)], students, deadline);
    expect(result.unmatched).toHaveLength(1);
  });

  it('counts the last message before the deadline', () => {
    const result = matchMessages(
      [
        message('ana@example.edu', 'segundo', '2026-12-17T10:00:00Z'),
        message('ana@example.edu', 'primero', '2026-12-16T10:00:00Z'),
        message('ana@example.edu', 'tarde', '2026-12-19T12:00:00Z'),
      ],
      students,
      deadline,
    );
    const ana = result.byStudent.get('A01')!;
    expect(ana.counted!.message.subject).toBe('segundo');
    expect(ana.countedLate).toBe(false);
    expect(ana.replaced.map((s) => s.message.subject)).toEqual(['primero']);
    expect(ana.late.map((s) => s.message.subject)).toEqual(['tarde']);
  });

  it('grades a late message when there is no other, and says so', () => {
    const result = matchMessages([message('beto@example.edu', 'tarde', '2026-12-20T00:00:00Z')], students, deadline);
    expect(result.byStudent.get('A02')).toMatchObject({ countedLate: true, late: [] });
    expect(result.byStudent.get('A01')!.counted).toBeNull();
  });

  it('keeps auto-replies and unknown senders for the report', () => {
    const result = matchMessages([message('ana@example.edu', 'Respuesta automática', null, { autoReply: true }), message('x@example.com', 'hola', null)], students, deadline);
    expect(result.autoReplies).toHaveLength(1);
    expect(result.unmatched).toHaveLength(1);
    expect(result.byStudent.get('A01')!.counted).toBeNull();
  });
});
