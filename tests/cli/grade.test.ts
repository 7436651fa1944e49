import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryDirectory } from './run.js';

const root = resolve(import.meta.dirname, '../..');
const spec = join(root, 'exercises/tarea-clase6.yaml');

interface Key {
  students: { id: string; email: string; variant: string; folder: string; items: { name: string; value: number; mistakes: { model: string; value: number }[] }[] }[];
}

/** Build an mbox message with a plain-text body. */
function mboxMessage(from: string, subject: string, date: string, body: string[], headers: string[] = []): string {
  return [`From ${from} ${date}`, `From: ${from}`, `Subject: ${subject}`, `Date: ${date}`, `Message-ID: <${createHash('md5').update(subject + from + date).digest('hex')}@example.edu>`, ...headers, 'Content-Type: text/plain; charset=utf-8', '', ...body, ''].join('\n');
}

describe('cadena grade', () => {
  it('grades a class mailbox', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'lista.csv'), 'id,nombre,correo\nA1,Ana,ana@example.edu\nA2,Beto,beto@example.edu\nA3,Carla,carla@example.edu\n');
    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out hw --secret s`, folder)).code).toBe(0);
    const key: Key = JSON.parse(readFileSync(join(folder, 'hw', 'answer-key.json'), 'utf8'));
    const [ana, beto, carla] = key.students;
    const truncated = (value: number) => (Math.trunc(value * 1e5) / 1e5).toFixed(5).replace('.', ',');
    const mistake = (student: Key['students'][number], item: string, model: string) => student.items.find((entry) => entry.name === item)!.mistakes.find((entry) => entry.model === model)!.value;

    const mbox = [
      mboxMessage('ana@example.edu', `tarea-clase6 [${ana!.variant}]`, 'Tue, 15 Dec 2026 10:00:00 -0300', ana!.items.map((item) => `${item.name} = ${truncated(item.value)}`)),
      mboxMessage('beto.otro@example.com', `tarea-clase6 [${beto!.variant}]`, 'Tue, 15 Dec 2026 11:00:00 -0300', [`w11^[1] = ${truncated(mistake(beto!, 'w11^[1]', 'sigmoid-z'))}`, 'w12^[1] = [0,1, 0,2]']),
      mboxMessage('carla@example.edu', 'Respuesta automática', 'Tue, 15 Dec 2026 12:00:00 -0300', ['Estoy de vacaciones'], ['Auto-Submitted: auto-replied']),
      mboxMessage('desconocido@example.com', 'hola', 'Tue, 15 Dec 2026 13:00:00 -0300', ['w11^[1] = 0,5']),
      mboxMessage('carla@example.edu', 'tarde', 'Mon, 21 Dec 2026 13:00:00 -0300', [`w11^[1] = ${truncated(carla!.items[0]!.value)}`]),
    ].join('\n');
    writeFileSync(join(folder, 'correos.mbox'), mbox);
    const before = readFileSync(join(folder, 'correos.mbox'));

    const run = await runCli('grade --key hw/answer-key.json --mail correos.mbox --deadline 2026-12-18T23:59:00-03:00 --csv comma --out notas', folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(folder, 'correos.mbox')).equals(before)).toBe(true);

    const rows = readFileSync(join(folder, 'notas', 'gradebook.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,name,email,score,out_of,w11^[1],w12^[1],w21^[1],w22^[1],b^[1],message_id,received,late');
    expect(rows[1]).toMatch(/^A1,Ana,ana@example.edu,5,5,correct,correct,correct,correct,correct,<.+>,2026-12-15T13:00:00.000Z,$/);
    expect(rows[2]).toMatch(/^A2,Beto,beto@example.edu,0,5,mistake:sigmoid-z,ambiguous,missing,missing,missing,/);
    expect(rows[3]).toMatch(/^A3,Carla,carla@example.edu,1,5,correct,missing,missing,missing,missing,<.+>,2026-12-21T16:00:00.000Z,late$/);

    const feedback = readFileSync(join(folder, 'notas', 'feedback', 'A2.md'), 'utf8');
    expect(feedback).toContain('usaste z(1 − z) en lugar de σ(z)(1 − σ(z))');
    const reply = readFileSync(join(folder, 'notas', 'feedback', 'A1.eml'), 'utf8');
    expect(reply).toMatch(/^In-Reply-To: <[0-9a-f]+@example\.edu>$/m);
    expect(reply).toMatch(/^To: ana@example\.edu$/m);
    expect(reply).toMatch(/^Subject: Re: tarea-clase6 \[/m);
    const reportText = readFileSync(join(folder, 'notas', 'report.md'), 'utf8');
    expect(reportText).toContain('desconocido@example.com');
    expect(reportText).toContain('Respuesta automática');
    expect(reportText).toContain('| `sigmoid-z` | 1 |');

    const again = await runCli('grade --key hw/answer-key.json --mail correos.mbox --deadline 2026-12-18T23:59:00-03:00 --csv comma --out notas2', folder);
    expect(again.code).toBe(0);
    for (const name of ['gradebook.csv', 'report.md', 'feedback/A2.md', 'feedback/A2.eml']) {
      expect(readFileSync(join(folder, 'notas2', name), 'utf8')).toBe(readFileSync(join(folder, 'notas', name), 'utf8'));
    }
  }, 60_000);

  it('skips and reports messages it cannot read', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'lista.csv'), 'id,nombre,correo\nA1,Ana,ana@example.edu\n');
    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out hw --secret s`, folder)).code).toBe(0);
    mkdirSync(join(folder, 'correos'));
    writeFileSync(join(folder, 'correos', '1.eml'), 'From: ana@example.edu\nSubject: x\n\nw11^[1] = 0,5\n');
    writeFileSync(join(folder, 'correos', '2.eml'), Buffer.alloc(11 * 2 ** 20, 'a'));
    execFileSync('mkfifo', [join(folder, 'correos', '3.eml')]);
    const run = await runCli('grade --key hw/answer-key.json --mail correos --out notas', folder);
    expect(run.code).toBe(0);
    const reportText = readFileSync(join(folder, 'notas', 'report.md'), 'utf8');
    expect(reportText).toContain('correo 2.eml: más de 10 MiB');
    expect(reportText).toContain('correo 3.eml: no es un archivo normal');
  }, 60_000);

  it('links and attaches the worked solution', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'lista.csv'), 'id,nombre,correo\nA1,Ana,ana@example.edu\n');
    expect((await runCli(`homework ${spec} --roster lista.csv --out hw --secret s`, folder)).code).toBe(0);
    writeFileSync(join(folder, 'correos.mbox'), mboxMessage('ana@example.edu', 'tarea', 'Tue, 15 Dec 2026 10:00:00 -0300', ['w11^[1] = 0,5']));
    for (const out of ['notas', 'notas2']) expect((await runCli(`grade --key hw/answer-key.json --mail correos.mbox --out ${out}`, folder)).code).toBe(0);
    const feedback = readFileSync(join(folder, 'notas', 'feedback', 'A1.md'), 'utf8');
    expect(feedback).toContain('[solucion.pdf](../../hw/soluciones/A1/solucion.pdf)');
    const reply = readFileSync(join(folder, 'notas', 'feedback', 'A1.eml'));
    expect(reply.toString('latin1')).toMatch(/Content-Disposition: attachment; filename=solucion\.pdf/);
    expect(reply.equals(readFileSync(join(folder, 'notas2', 'feedback', 'A1.eml')))).toBe(true);
  }, 120_000);

  it('rejects a deadline that does not exist', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'lista.csv'), 'id,nombre,correo\nA1,Ana,ana@example.edu\n');
    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out hw --secret s`, folder)).code).toBe(0);
    writeFileSync(join(folder, 'correos.mbox'), mboxMessage('ana@example.edu', 'tarea', 'Tue, 15 Dec 2026 10:00:00 -0300', ['w11^[1] = 0,5']));
    for (const deadline of ['2026-02-30T23:59:00-03:00', '2026-12-18', '2026-12-18T25:00:00Z']) {
      const run = await runCli(`grade --key hw/answer-key.json --mail correos.mbox --deadline ${deadline}`, folder);
      expect(run.code, deadline).toBe(1);
      expect(run.stderr).toContain(deadline);
    }
  });

  it('removes feedback left by an earlier run', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'lista.csv'), 'id,nombre,correo\nA1,Ana,ana@example.edu\nA2,Beto,beto@example.edu\n');
    expect((await runCli(`homework ${spec} --roster lista.csv --format md --out hw --secret s`, folder)).code).toBe(0);
    writeFileSync(join(folder, 'uno.mbox'), mboxMessage('ana@example.edu', 'tarea', 'Tue, 15 Dec 2026 10:00:00 -0300', ['w11^[1] = 0,5']));
    writeFileSync(join(folder, 'dos.mbox'), mboxMessage('beto@example.edu', 'tarea', 'Tue, 15 Dec 2026 10:00:00 -0300', ['w11^[1] = 0,5']));
    expect((await runCli('grade --key hw/answer-key.json --mail uno.mbox --out notas', folder)).code).toBe(0);
    expect((await runCli('grade --key hw/answer-key.json --mail dos.mbox --out notas', folder)).code).toBe(0);
    expect(readdirSync(join(folder, 'notas', 'feedback')).sort()).toEqual(['A2.eml', 'A2.md']);
  });

  it('rejects a file that is not a key', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'x.json'), '{}');
    writeFileSync(join(folder, 'm.eml'), 'From: a@b.c\n\nhola\n');
    const run = await runCli('grade --key x.json --mail m.eml', folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('x.json no es una clave de respuestas');
  });
});

describe('cadena grade on the example mailbox', () => {
  it('grades every example case', async () => {
    const folder = temporaryDirectory();
    const roster = join(root, 'exercises/lista-clase6.csv');
    const mailbox = join(root, 'exercises/correos-clase6.mbox');
    const before = readFileSync(mailbox);
    expect((await runCli(`homework ${spec} --roster ${roster} --secret ejemplo --format md --out hw`, folder)).code).toBe(0);
    const run = await runCli(`grade --key hw/answer-key.json --mail ${mailbox} --deadline 2026-12-18T23:59:00-03:00 --csv comma --out notas`, folder);
    expect(run.code).toBe(0);
    expect(readFileSync(mailbox).equals(before)).toBe(true);

    const rows = readFileSync(join(folder, 'notas', 'gradebook.csv'), 'utf8').trim().split('\n').slice(1);
    const statuses = Object.fromEntries(rows.map((row) => {
      const cells = row.split(',');
      return [cells[0], `${cells.slice(5, 10).join(' ')}${cells[12] === 'late' ? ' late' : ''}`];
    }));
    const all = (status: string) => Array(5).fill(status).join(' ');
    // Plain text, decimal comma, quoted-printable with − and non-breaking spaces, HTML table,
    // ISO-8859-1, a quoted reply, an attachment, then an auto-reply (A01234574, not graded),
    // an unknown sender, a match by id, two submissions, a late second one, only late.
    for (const id of ['A01234567', 'A01234568', 'A01234569', 'A01234570', 'A01234571', 'A01234572', 'A01234573', 'A01234575', 'A01234576', 'A01234577']) {
      expect(statuses[id], id).toBe(all('correct'));
    }
    expect(statuses.A01234574).toBe(all('missing'));
    expect(statuses.A01234578).toBe(`${all('correct')} late`);
    expect(statuses.A01234579).toBe('ambiguous correct correct correct correct');
    const models = ['late-update', 'sigmoid-z', 'sigmoid-mixed', 'sigmoid-twice', 'one-path-y1', 'one-path-y2', 'wrong-sign', 'no-learning-rate+no-half+update-twice', 'gradient-sent', 'no-output-derivative'];
    models.forEach((model, k) => expect(statuses[`A012345${80 + k}`]).toBe(`mistake:${model} missing missing missing missing`));
    expect(statuses.A01234591).toBe('missing mistake:swapped-indices missing missing missing');
    expect(statuses.A01234592).toBe('missing missing missing missing mistake:bias-one-neuron-1');
    expect(statuses.A01234594).toBe(all('correct'));

    const reportText = readFileSync(join(folder, 'notas', 'report.md'), 'utf8');
    expect(reportText).toContain('desconocido@example.com');
    expect(reportText).toContain('Respuesta automática: tarea-clase6');
    expect(reportText).toMatch(/A01234577: .* \(no se corrigió\)/);

    // New mail from one student changes that student's row and feedback only.
    const extra = mboxMessage('lucia.beltran@example.edu', 'otra vez', 'Thu, 17 Dec 2026 10:00:00 -0300', ['w11^[1] = 0,5']);
    writeFileSync(join(folder, 'mas.mbox'), `${readFileSync(mailbox, 'latin1')}\n${extra}`, 'latin1');
    expect((await runCli(`grade --key hw/answer-key.json --mail mas.mbox --deadline 2026-12-18T23:59:00-03:00 --csv comma --out notas2`, folder)).code).toBe(0);
    const newRows = readFileSync(join(folder, 'notas2', 'gradebook.csv'), 'utf8').trim().split('\n').slice(1);
    const changed = newRows.filter((row, i) => row !== rows[i]).map((row) => row.split(',')[0]);
    expect(changed).toEqual(['A01234573']);
    expect(readFileSync(join(folder, 'notas2', 'feedback', 'A01234567.md'), 'utf8')).toBe(readFileSync(join(folder, 'notas', 'feedback', 'A01234567.md'), 'utf8'));
  }, 60_000);
});
