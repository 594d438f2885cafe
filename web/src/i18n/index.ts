import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/format';
import enUS from './en-US';
import zhCN from './zh-CN';

const storageKey = 'onestop.language';

/** Chinese first; English when the person chose it before (R-PLT-3). */
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

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function changeLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the switch still holds for this visit.
  }
}

export default i18n;
