import { useId, useMemo, useState } from 'react';
import { renderSVG } from 'uqr';
import { CopyButton } from '../components/CopyButton';
import { Modal } from '../components/Modal';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { paths } from '../routing';

/**
 * How people get in: the join code (large, to read aloud), the link to copy, and a QR code to show
 * on a shared screen. The QR code is drawn here (uqr), so no image service learns the link.
 */
export function JoinDetails() {
  const t = useT();
  const code = useAppStore((s) => s.session?.workshop.code ?? '');
  const [large, setLarge] = useState(false);
  const link = `${location.origin}${paths.join(code)}`;
  const qr = useQrDataUrl(link);
  if (!code) return null;
  return (
    <section className="fac-card fac-join" aria-labelledby="fac-join-heading">
      <h3 id="fac-join-heading" className="fac-heading">
        {t('fac.join.heading')}
      </h3>
      <div className="fac-join__grid">
        <div className="fac-join__text">
          <p className="fac-label">{t('fac.join.code')}</p>
          <output
            className="fac-join__code"
            data-testid="fac-join-code"
            aria-label={t('fac.join.codeSpelled', { code: code.split('').join(' ') })}
          >
            {code}
          </output>
          <div className="fac-row">
            <CopyButton text={link} label={t('fac.join.copyLink')} visibleLabel={t('fac.join.copy')} />
            <button type="button" className="button button--secondary button--small" onClick={() => setLarge(true)}>
              {t('fac.join.showLarge')}
            </button>
          </div>
        </div>
        <img
          className="fac-join__qr"
          src={qr}
          alt={t('fac.join.qrAlt', { link })}
          data-testid="fac-qr"
          width={104}
          height={104}
        />
      </div>
      <p className="fac-label fac-join__link-label">{t('fac.join.link')}</p>
      <p className="fac-join__link" data-testid="fac-join-link">
        {link}
      </p>
      {large && <LargeJoin code={code} link={link} qr={qr} onClose={() => setLarge(false)} />}
    </section>
  );
}

/** The join details big enough to share in a video call. */
function LargeJoin({ code, link, qr, onClose }: { code: string; link: string; qr: string; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  return (
    <Modal titleId={titleId} onClose={onClose}>
      <div className="fac-join-large">
        <h2 id={titleId} tabIndex={-1}>
          {t('fac.join.largeTitle')}
        </h2>
        <img src={qr} alt={t('fac.join.qrAlt', { link })} className="fac-join-large__qr" />
        <p className="fac-join-large__code">{code}</p>
        <p className="fac-join-large__link">{link}</p>
      </div>
    </Modal>
  );
}

/** The QR code of a text as an SVG data URL. */
function useQrDataUrl(text: string): string {
  return useMemo(() => {
    // Medium error correction survives a blurry video call; a border of 2 modules keeps it scannable.
    const svg = renderSVG(text, { ecc: 'M', border: 2 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [text]);
}
