import { describe, expect, it, vi } from 'vitest';
import type { RepliableInteraction } from 'discord.js';
import { RenderLimitError, respond } from '../../src/bot/respond.ts';
import { renderNotice } from '../../src/render/discord.ts';

function fakeInteraction() {
  return {
    deferred: false,
    replied: false,
    reply: vi.fn(async () => undefined),
    followUp: vi.fn(async () => undefined),
  };
}

describe('respond', () => {
  it('refuses to send a reply past Discord’s limits, so the error boundary logs it instead', async () => {
    const interaction = fakeInteraction();
    const tooLong = { ...renderNotice('x'), embeds: [{ description: 'x'.repeat(4097) }] };
    await expect(respond(interaction as unknown as RepliableInteraction, tooLong)).rejects.toThrow(
      RenderLimitError,
    );
    expect(interaction.reply).not.toHaveBeenCalled();
  });

  it('sends a reply within the limits privately when asked, mentioning no one', async () => {
    const interaction = fakeInteraction();
    await respond(interaction as unknown as RepliableInteraction, renderNotice('@everyone hello'));
    expect(interaction.reply).toHaveBeenCalledWith(
      expect.objectContaining({ flags: 64, allowedMentions: { parse: [] } }),
    );
  });
});
