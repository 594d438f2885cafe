import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireRole } from '../features/auth/RequireRole';
import { catalogEditorRoles, centerRoles, deskRoles } from '../features/auth/session';
import { CaseLinkRedirect } from '../features/cases/CaseLinkRedirect';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { ItemSheetPage } from '../features/catalog/ItemSheetPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

/** A page that loads when first visited; the catalogue and item sheet come with the first load. */
function page<Module>(load: () => Promise<Module>, name: keyof Module) {
  return lazy(async () => {
    const [module, { withApp }] = await Promise.all([load(), import('./with-app')]);
    return { default: withApp(module[name] as ComponentType) };
  });
}

const SignInPage = page(() => import('../features/auth/SignInPage'), 'SignInPage');
const RegisterPage = page(() => import('../features/auth/RegisterPage'), 'RegisterPage');
const TrackPage = page(() => import('../features/cases/TrackPage'), 'TrackPage');
const FileCasePage = page(() => import('../features/cases/FileCasePage'), 'FileCasePage');
const MyCasesPage = page(() => import('../features/cases/MyCasesPage'), 'MyCasesPage');
const CaseDetailPage = page(() => import('../features/cases/CaseDetailPage'), 'CaseDetailPage');
const DeskListPage = page(() => import('../features/cases/WorkListPage'), 'DeskListPage');
const CenterCasesPage = page(() => import('../features/cases/WorkListPage'), 'CenterCasesPage');
const DeskCasePage = page(() => import('../features/cases/DeskCasePage'), 'DeskCasePage');
const ItemAdminPage = page(
  () => import('../features/catalog/admin/ItemAdminPage'),
  'ItemAdminPage',
);
const ItemEditorPage = page(
  () => import('../features/catalog/admin/ItemEditorPage'),
  'ItemEditorPage',
);
const ItemImportPage = page(
  () => import('../features/catalog/admin/ItemImportPage'),
  'ItemImportPage',
);
const NotificationsPage = page(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const AccountPage = page(() => import('../features/auth/AccountPage'), 'AccountPage');
const UsersPage = page(() => import('../features/auth/UsersPage'), 'UsersPage');
const ConsultationsPage = page(
  () => import('../features/consultations/ConsultationsPage'),
  'ConsultationsPage',
);
const AskConsultationPage = page(
  () => import('../features/consultations/AskConsultationPage'),
  'AskConsultationPage',
);
const ConsultationPage = page(
  () => import('../features/consultations/ConsultationPage'),
  'ConsultationPage',
);
const CalendarPage = page(() => import('../features/calendar/CalendarPage'), 'CalendarPage');

const allRoles = [
  'applicant',
  'staff',
  'window-lead',
  'unit-admin',
  'center',
  'center-admin',
  'auditor',
] as const;
const staffAndCenter = [...deskRoles, ...centerRoles, 'auditor'] as const;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<CatalogPage />} />
        <Route path="items/:id" element={<ItemSheetPage />} />
        <Route path="track" element={<TrackPage />} />
        <Route path="login" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="cases/:id/*" element={<CaseLinkRedirect />} />

        <Route element={<RequireRole roles={['applicant', 'staff', 'window-lead']} />}>
          <Route path="items/:id/apply" element={<FileCasePage />} />
          <Route path="consultations/new" element={<AskConsultationPage />} />
        </Route>
        <Route element={<RequireRole roles={allRoles} />}>
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="consultations" element={<ConsultationsPage />} />
          <Route path="consultations/:id" element={<ConsultationPage />} />
        </Route>
        <Route element={<RequireRole roles={['applicant']} />}>
          <Route path="my/cases" element={<MyCasesPage />} />
          <Route path="my/cases/:id" element={<CaseDetailPage />} />
        </Route>

        <Route element={<RequireRole roles={staffAndCenter} />}>
          <Route path="desk" element={<DeskListPage />} />
          <Route path="desk/cases/:id" element={<DeskCasePage />} />
          <Route path="center/cases" element={<CenterCasesPage />} />
        </Route>
        <Route element={<RequireRole roles={catalogEditorRoles} />}>
          <Route path="center/items" element={<ItemAdminPage />} />
          <Route path="center/items/new" element={<ItemEditorPage />} />
          <Route path="center/items/import" element={<ItemImportPage />} />
          <Route path="center/items/:id/edit" element={<ItemEditorPage />} />
        </Route>
        <Route element={<RequireRole roles={centerRoles} />}>
          <Route path="center/calendar" element={<CalendarPage />} />
        </Route>
        <Route element={<RequireRole roles={['center-admin']} />}>
          <Route path="center/users" element={<UsersPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
