import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, ConfigProvider, type ThemeConfig } from 'antd';
import '../app/elder.css';

/**
 * 适老化 (大字版): larger type, stronger contrast, larger click targets and a simpler layout for the
 * accountant portal. The choice is remembered per browser (localStorage `ausm.elder` = '1') and shows
 * as the class `ausm-elder` on <html> (app/elder.css) and as antd theme tokens (ELDER_THEME).
 *
 * Only the accountant portal takes part: the management portal (/admin) and the simulated phones
 * (/sim) have no switch, so the mode is off there — the portal header's switch marks the portal as
 * shown while it is mounted.
 */
export const ELDER_STORAGE_KEY = 'ausm.elder';
export const ELDER_CLASS = 'ausm-elder';

function readStored(): boolean {
  try {
    return window.localStorage.getItem(ELDER_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

function writeStored(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(ELDER_STORAGE_KEY, '1');
    else window.localStorage.removeItem(ELDER_STORAGE_KEY);
  } catch {
    // storage refused (private mode): the mode still applies until the page is closed
  }
}

/** Pages outside the accountant portal frame. */
function outsidePortal(pathname: string): boolean {
  return /^\/(admin|sim)(\/|$)/.test(pathname);
}

function applyClass(on: boolean): void {
  document.documentElement.classList.toggle(ELDER_CLASS, on);
}

// Before React's first render (this module loads with the entry bundle, before anything is painted
// into #root): the page opens in the remembered mode and does not jump. The CSP (script-src 'self')
// rules out an inline script in index.html, and this runs just as early for a client-rendered page.
if (typeof document !== 'undefined') applyClass(readStored() && !outsidePortal(window.location.pathname));

/** antd tokens of the mode, merged over the app's theme (app/providers.tsx) by a nested ConfigProvider. */
export const ELDER_THEME: ThemeConfig = {
  token: {
    fontSize: 18,
    lineHeight: 1.7,
    controlHeight: 44,
    controlHeightSM: 44,
    controlHeightLG: 52,
    controlInteractiveSize: 22,
    controlOutlineWidth: 3,
    // text at 21:1 and ≥ 15:1 on white (WCAG AAA asks 7:1); the placeholder stays a grey at 7:1
    colorText: '#000000',
    colorTextHeading: '#000000',
    colorTextLabel: '#1f1f1f',
    colorTextSecondary: '#1f1f1f',
    colorTextTertiary: '#262626',
    colorTextDescription: '#262626',
    colorTextPlaceholder: '#595959',
    // field borders at 4.5:1 (WCAG asks 3:1 for controls)
    colorBorder: '#767676',
    colorPrimary: '#003eb3',
    colorLink: '#003eb3',
    colorError: '#a8071a',
  },
  components: {
    Menu: { itemHeight: 48 },
    Steps: { iconSize: 36 },
    Tag: { defaultColor: '#000000' },
  },
};

/** Off: no tokens of its own. Always an object — antd wraps the tree in one more provider when a theme
 * is given, so switching between a theme and none would remount the page (losing what was typed). */
const NO_THEME: ThemeConfig = {};

interface ElderModeValue {
  /** the mode as chosen in this browser */
  elder: boolean;
  /** whether it applies on the page shown now (the accountant portal) */
  active: boolean;
  setElder: (on: boolean) => void;
  /** the portal header's switch: mounted while the portal frame is shown */
  portalShown: (shown: boolean) => void;
}

const ElderModeContext = createContext<ElderModeValue | null>(null);

export function useElderMode(): ElderModeValue {
  const value = useContext(ElderModeContext);
  if (!value) throw new Error('useElderMode needs <ElderModeProvider>');
  return value;
}

/** Holds the choice and applies it: the <html> class and, while on, ELDER_THEME for everything inside. */
export function ElderModeProvider({ children }: { children: ReactNode }) {
  const [elder, setElderState] = useState(readStored);
  // null until the portal header has mounted once: until then the address decides
  const [switches, setSwitches] = useState<number | null>(null);
  const inPortal = switches === null ? !outsidePortal(window.location.pathname) : switches > 0;
  const active = elder && inPortal;

  useLayoutEffect(() => applyClass(active), [active]);

  // another tab of the same browser switched: follow it
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === ELDER_STORAGE_KEY || e.key === null) setElderState(readStored());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const setElder = useCallback((on: boolean) => {
    writeStored(on);
    setElderState(on);
  }, []);
  const portalShown = useCallback((shown: boolean) => setSwitches((n) => Math.max(0, (n ?? 0) + (shown ? 1 : -1))), []);
  const value = useMemo(() => ({ elder, active, setElder, portalShown }), [elder, active, setElder, portalShown]);

  return (
    <ElderModeContext.Provider value={value}>
      <ConfigProvider theme={active ? ELDER_THEME : NO_THEME}>{children}</ConfigProvider>
    </ElderModeContext.Provider>
  );
}

/**
 * The header switch: an action button named for what it does — 适老化 while the standard look is
 * shown, 标准版 (back to it) while the 适老化 mode is. No aria-pressed: "标准版, pressed" would read as
 * the standard look being on.
 */
export function ElderModeSwitch() {
  const { elder, setElder, portalShown } = useElderMode();
  useEffect(() => {
    portalShown(true);
    return () => portalShown(false);
  }, [portalShown]);
  return (
    <Button ghost className="ausm-elder-switch" data-testid="elder-switch" onClick={() => setElder(!elder)}>
      {elder ? '标准版' : '适老化'}
    </Button>
  );
}
