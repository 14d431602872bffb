/**
 * yargs' own complaints, each as one line that names the problem and the fix (yargs prints some
 * over two lines and names no fix), and numeric options given no value or a non-number (yargs
 * reads `--lr ""` as 0 and `--lr abc` as NaN, which would then be reported as "got 0").
 */
export function usageLine(message: string, command: string | undefined, argv: readonly string[] = []): string {
  const help = `see basinmap ${command ? `${command} ` : ''}--help`;
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const invalid = /Argument: ([\w-]+), Given: ("[^"]*"|\S+), Choices: (.*)/.exec(lines.slice(1).join(' '));
  if (lines[0]?.startsWith('Invalid values') && invalid) {
    return `--${invalid[1]} ${invalid[2]} is not one of its choices: choose one of ${invalid[3].replace(/"/g, '')}`;
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(lines[0] ?? '');
  if (unknown) {
    // yargs names each unknown flag twice, as typed and camelCased: keep the typed one.
    const names = unknown[1].split(', ');
    const kebab = (a: string) => a.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const typed = names.filter((a) => !(a !== kebab(a) && names.includes(kebab(a))));
    // A formula that begins with a minus ("-x^2 + y^2") is read as the flag -x.
    const formula = argv.find((a) => /^-[a-z]/i.test(a) && /[\^*/()+\s]/.test(a) && typed.includes(a[1]));
    if (formula) return `the formula "${formula}" begins with "-", so it reads as an option: begin it with a space (" ${formula}") or write "0 ${formula}"`;
    return `unknown option ${typed.map((a) => (a.length > 1 ? `--${a}` : `-${a}`)).join(', ')}: ${help}`;
  }
  const missing = /^Not enough arguments following: (.*)$/.exec(lines[0] ?? '');
  if (missing) return `--${missing[1]} needs a value: ${help}`;
  return `${lines.join('; ')}${/help/.test(message) ? '' : `: ${help}`}`;
}

/**
 * The numeric options (`number`) that the raw arguments give an empty value (`--lr ""`,
 * `--lr=`) or a value that is not a number: one line for the first, or undefined.
 */
export function badNumber(argv: readonly string[], numeric: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!m || !numeric.has(m[1])) continue;
    const value = m[2] ?? argv[i + 1];
    if (value === undefined) continue;
    if (NUMBER_OR_AUTO.has(m[1]) && value === 'auto') continue;
    if (value.trim() === '') return `--${m[1]} was given an empty value: give a number, e.g. --${m[1]} ${EXAMPLES[m[1]] ?? '1'}`;
    if (!Number.isFinite(Number(value)) && !/^-?inf(inity)?$/i.test(value)) return `--${m[1]} must be a number${NUMBER_OR_AUTO.has(m[1]) ? ' or auto' : ''}, got "${value}"`;
  }
  return undefined;
}

/** Numeric options that also take the word auto (string options to yargs). */
export const NUMBER_OR_AUTO: ReadonlySet<string> = new Set(['lr']);

const EXAMPLES: Record<string, string> = { lr: '0.01', n: '10000', 'max-iter': '1000', gtol: '1e-4', xtol: '1e-7', seed: '0', dim: '2', chunk: '65536', iters: '100' };
