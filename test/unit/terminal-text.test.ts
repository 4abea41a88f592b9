import { describe, expect, test } from 'vitest';
import { terminalText } from '../../shared/terminal-text';

describe('text printed in a terminal', () => {
  test('escape sequences, BEL, a lone CR, DEL and C1 controls show as U+FFFD; tabs, line feeds and CR LF stay', () => {
    expect(terminalText('Ann\u001b[2J\u001b[1;1HALL CLEAR\u001b]0;title\u0007')).toBe('Ann\uFFFD[2J\uFFFD[1;1HALL CLEAR\uFFFD]0;title\uFFFD');
    expect(terminalText('paid\rUNPAID')).toBe('paid\uFFFDUNPAID');
    expect(terminalText('a\u007fb\u009bc\u0000d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(terminalText('VIN\tModel\nrow 1\r\nrow 2\r')).toBe('VIN\tModel\nrow 1\r\nrow 2\r');
    const plain = 'José García · 2023 LC';
    expect(terminalText(plain)).toBe(plain);
  });
});
