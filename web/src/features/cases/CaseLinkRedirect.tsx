import { Spin } from 'antd';
import { Navigate, useParams } from 'react-router-dom';
import { useMe } from '../auth/session';

/**
 * The server's notifications link to /cases/:id; applicants read their cases under /my, every
 * other role at the desk.
 */
export function CaseLinkRedirect() {
  const { id = '' } = useParams();
  const me = useMe();
  if (me.isPending) {
    return <Spin className="page-spinner" />;
  }
  if (!me.data) {
    return <Navigate to={`/login?next=${encodeURIComponent(`/cases/${id}`)}`} replace />;
  }
  const base = me.data.role === 'applicant' ? '/my/cases' : '/desk/cases';
  return <Navigate to={`${base}/${id}`} replace />;
}
