/**
 * A C function body under construction: statements, and the vector variables they use, declared
 * once at the top of the function (as wasm locals are), so a value made inside a branch or a loop
 * can be read wherever the generators read it. The C compiler's SSA construction turns the
 * assignments back into values; nothing here has to think about registers.
 */
export class CBody {
  private readonly lines: string[] = [];
  private readonly decls = new Map<string, string[]>();
  private readonly consts: string[] = [];
  private readonly constNames = new Map<string, string>();
  private depth = 1;
  private count = 0;

  /** A raw statement at the current nesting. */
  emit(line: string): void {
    this.lines.push('  '.repeat(this.depth) + line);
  }

  /** `open { fill }`. */
  block(open: string, fill: () => void, close = '}'): void {
    this.emit(`${open} {`);
    this.depth++;
    fill();
    this.depth--;
    this.emit(close);
  }

  /** A fresh variable of C type `type`, declared at the top of the function. */
  declare(type: string, prefix = 'v'): string {
    const name = `${prefix}${this.count++}`;
    const list = this.decls.get(type) ?? [];
    list.push(name);
    this.decls.set(type, list);
    return name;
  }

  /** A named constant (one per distinct initializer), defined at the top of the function. */
  constant(type: string, init: string): string {
    const key = `${type} ${init}`;
    let name = this.constNames.get(key);
    if (!name) {
      name = `K${this.constNames.size}`;
      this.constNames.set(key, name);
      this.consts.push(`  const ${type} ${name} = ${init};`);
    }
    return name;
  }

  /** The body: constants, declarations, statements. */
  code(): string {
    const decls = [...this.decls].map(([type, names]) => {
      const rows: string[] = [];
      for (let i = 0; i < names.length; i += 16) rows.push(`  ${type} ${names.slice(i, i + 16).join(', ')};`);
      return rows.join('\n');
    });
    return [...this.consts, ...decls, ...this.lines].join('\n');
  }
}
