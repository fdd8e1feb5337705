import type { ExtensionLetterView } from '../../../shared/renewal';
import { localDate, type ActorCtx } from '../../lib/context';
import { AppError, forbidden } from '../../lib/errors';
import { getAgreement } from '../agreements/agreements.service';
import { extensionLetterDocx, longDate } from './extension-letter.views';
import { canDraftExtensionLetter } from './renewal.policy';
import { extensionLetterWindow, isExtensionLetterOffered, type ExtensionLetterWindow } from './renewal.rules';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function extensionLetterViewOf(ctx: ActorCtx, agreement: Parameters<typeof extensionLetterWindow>[0]): ExtensionLetterView {
  const window = extensionLetterWindow(agreement, localDate(ctx.now));
  return { ...window, canDraft: canDraftExtensionLetter(ctx.actor) && isExtensionLetterOffered(window.state) };
}

const refused = (message: string, messageEn: string) => new AppError({ code: 'UNPROCESSABLE', message, messageEn, field: 'agreement' });

function refusalOf(window: ExtensionLetterWindow, endsOn: string | null): AppError | null {
  switch (window.state) {
    case 'not_foreign':
      return refused(
        'Surat usul perpanjangan kepada Menteri hanya untuk kerja sama dengan pihak luar negeri (KSDPL atau KSDLL).',
        'The extension letter to the Minister is only for a cooperation with a party abroad (KSDPL or KSDLL).',
      );
    case 'not_in_force':
      return refused('Naskah ini tidak sedang berlaku (sudah berakhir atau belum ditandatangani); tidak ada yang dapat diperpanjang.', 'This agreement is not in force (it has ended or is not signed); there is nothing to extend.');
    case 'too_early':
      return refused(
        `Surat usul perpanjangan disusun mulai ${longDate(window.opensOn)}, 12 bulan sebelum kerja sama berakhir (${longDate(endsOn)}).`,
        `The extension letter can be drafted from ${window.opensOn ?? ''}, 12 months before the cooperation ends (${endsOn ?? ''}).`,
      );
    case 'open':
    case 'late':
      return null;
  }
}

// GET /api/agreements/:id/extension-letter.docx: the division's draft, from the register.
export async function draftExtensionLetter(ctx: ActorCtx, input: { agreementId: string }): Promise<{ body: Buffer; fileName: string; mimeType: string }> {
  if (!canDraftExtensionLetter(ctx.actor)) throw forbidden();
  const agreement = await getAgreement(ctx, input.agreementId);
  const window = extensionLetterWindow(agreement, localDate(ctx.now));
  const refusal = refusalOf(window, agreement.endsOn);
  if (refusal) throw refusal;
  const number = (agreement.numberOurs ?? agreement.id.slice(0, 8)).replace(/[^\w.-]+/g, '-');
  return { body: await extensionLetterDocx(agreement, window), fileName: `usul-perpanjangan-${number}.docx`, mimeType: DOCX_MIME };
}
