import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/format';
import zhCN from './zh-CN';

const storageKey = 'onestop.language';

/** Chinese first; English when the person chose it before (R-PLT-3), or ?lang=en-US. */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en-US' || fromUrl === 'zh-CN') {
    return fromUrl;
  }
  try {
    return localStorage.getItem(storageKey) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** English loads only for those who read it, keeping the first load small. */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en-US' && !i18n.hasResourceBundle('en-US', 'translation')) {
    const { default: enUS } = await import('./en-US');
    i18n.addResourceBundle('en-US', 'translation', enUS);
  }
}

/** Sets up the dictionaries; the app renders once the first language is at hand. */
export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== 'zh-CN') {
    await loadLanguage(language);
    await i18n.changeLanguage(language);
  }
  document.documentElement.lang = i18n.language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the switch still holds for this visit.
  }
}

export default i18n;
