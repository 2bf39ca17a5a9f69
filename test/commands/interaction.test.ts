import { PermissionsBitField } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPermission } from '../../commands/interaction.ts';

const FLAGS = Object.values(PermissionsBitField.Flags);

describe('hasPermission', () => {
  it('reads a member’s permissions as discord.js does, Administrator implying every one', () => {
    fc.assert(
      fc.property(fc.subarray(FLAGS), fc.constantFrom(...FLAGS), (held, wanted) => {
        const bits = held.reduce((all, flag) => all | flag, 0n);
        expect(hasPermission(bits.toString(), wanted)).toBe(
          new PermissionsBitField(bits).has(wanted),
        );
      }),
    );
  });

  it('grants nothing for missing or malformed permissions', () => {
    expect(hasPermission(undefined, PermissionsBitField.Flags.ManageMessages)).toBe(false);
    expect(hasPermission('8; drop', PermissionsBitField.Flags.ManageMessages)).toBe(false);
  });
});
