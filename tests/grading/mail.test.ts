import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/grading/answers.js';
import { ownText, readMessage, splitMbox } from '../../src/grading/mail.js';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
const values = async (bytes: Buffer) => readAnswers((await readMessage(bytes)).text).map((line) => (line.kind === 'answer' ? line.value : line.reason));

describe('readMessage', () => {
  it('decodes quoted-printable with soft breaks and non-breaking spaces', async () => {
    const bytes = crlf([
      'From: Ana <Ana.Perez@Example.edu>',
      'Subject: tarea-clase6 [K7P2QX]',
      'Message-ID: <1@example.edu>',
      'Date: Tue, 15 Dec 2026 10:00:00 -0300',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'w11^[1]=C2=A0=3D 0,21=',
      '488',
      'b^[1] =3D =E2=88=920,1',
    ]);
    const message = await readMessage(bytes);
    expect(message).toMatchObject({ from: 'Ana.Perez@Example.edu', subject: 'tarea-clase6 [K7P2QX]', messageId: '<1@example.edu>', autoReply: false });
    expect(message.date?.toISOString()).toBe('2026-12-15T13:00:00.000Z');
    expect(await values(bytes)).toEqual([0.21488, -0.1]);
  });

  it('decodes ISO-8859-1 in base64', async () => {
    const body = Buffer.from('Hola, soy Muñoz:\nw12 = 0,5\n', 'latin1').toString('base64');
    const message = await readMessage(crlf(['From: m@example.edu', 'Subject: x', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: base64', '', body]));
    expect(message.text).toContain('Muñoz');
    expect(readAnswers(message.text)).toHaveLength(1);
  });

  it('keeps the cells of an HTML-only table apart', async () => {
    const html = '<table><tr><td>w11^[1] = 0,5</td><td>b^[1] = 0,25</td></tr></table>';
    expect(await values(crlf(['From: h@example.edu', 'Subject: x', 'Content-Type: text/html; charset=utf-8', '', html]))).toEqual([0.5, 0.25]);
  });

  it('ignores the quoted homework', async () => {
    const bytes = crlf([
      'From: r@example.edu',
      'Subject: Re: tarea',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'w11^[1] = 0,21488',
      '',
      'El lun, 14 dic 2026 a las 9:00, Profesora (<profe@example.edu>)',
      'escribió:',
      'w11^[1] = ?',
      'x = (0.1, 0.5)',
      '> w12^[1] = 0.3',
    ]);
    expect(await values(bytes)).toEqual([0.21488]);
  });

  it('reads an answer attachment', async () => {
    const bytes = crlf([
      'From: t@example.edu',
      'Subject: x',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Adjunto mis respuestas.',
      '--b',
      'Content-Type: text/plain; name="respuestas.txt"',
      'Content-Disposition: attachment; filename="respuestas.txt"',
      '',
      'w11^[1] = 0.5',
      '--b--',
    ]);
    expect(await values(bytes)).toEqual([0.5]);
  });

  it('leaves a missing or unreadable date empty', async () => {
    expect((await readMessage(crlf(['From: a@example.edu', 'Subject: x', '', 'w11 = 1']))).date).toBeNull();
    expect((await readMessage(crlf(['From: a@example.edu', 'Date: mañana por la tarde', 'Subject: x', '', 'w11 = 1']))).date).toBeNull();
  });

  it('recognises auto-replies', async () => {
    expect((await readMessage(crlf(['From: a@example.edu', 'Auto-Submitted: auto-replied', 'Subject: x', '', 'Estoy de vacaciones']))).autoReply).toBe(true);
    expect((await readMessage(crlf(['From: a@example.edu', 'Subject: =?UTF-8?Q?Respuesta_autom=C3=A1tica=3A_tarea?=', '', 'x']))).autoReply).toBe(true);
  });
});

describe('splitMbox', () => {
  it('splits at From lines and unquotes >From', () => {
    const mbox = Buffer.from(
      [
        'From ana@example.edu Tue Dec 15 10:00:00 2026',
        'From: ana@example.edu',
        'Subject: uno',
        '',
        'w11 = 0.5',
        '>From here on, w12 = 0.6',
        '',
        'From what I computed, w21 = 0.7',
        '',
        'From beto@example.edu Tue Dec 15 11:00:00 2026',
        'From: beto@example.edu',
        'Subject: dos',
        '',
        'Muñoz',
        '',
      ].join('\n'),
      'latin1',
    );
    const messages = splitMbox(mbox);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.toString('latin1')).toContain('\nFrom here on, w12 = 0.6');
    // A body line starting with "From " but without a date does not split the message.
    expect(messages[0]!.toString('latin1')).toContain('\nFrom what I computed, w21 = 0.7');
    expect(messages[1]!.toString('latin1')).toMatch(/^From: beto@example.edu\nSubject: dos\n\nMuñoz\n?$/);
  });
});

describe('ownText', () => {
  it('stops at a forwarded original', () => {
    expect(ownText('w11 = 1\n-----Original Message-----\nw11 = 2')).toBe('w11 = 1');
  });
});
