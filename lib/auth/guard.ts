/**
 * The one gate for every server action and route handler: session first, then permission, then input,
 * and only then the handler. Hiding a button is not authorisation; this is.
 */
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import '@/lib/validation/messages';
import { echoValues, formValues, type FormState } from '@/lib/validation/form-state';
import { can, decide, type Permission } from './permissions';
import { getSessionUser, requireUser, type SessionUser } from './session';

export { decide, type Decision } from './permissions';

export const SIGNED_OUT_MESSAGE = 'Your session has ended. Sign in again to continue; nothing has been saved.';
export const FORBIDDEN_MESSAGE = 'You do not have permission to do this; nothing has been saved.';

/** More fields than any form of the service sends (the owners page of a 5,000-risk register sends 10,000). */
export const MAX_FORM_FIELDS = 10_000;
export const tooManyFieldsMessage = (count: number) =>
  `This form sent ${count.toLocaleString('en-GB')} fields, more than any page of the service has, so nothing was read or saved. Reload the page and try again.`;

type ActionHandler<S extends z.ZodType> = (
  input: z.infer<S>,
  user: SessionUser,
  values: Record<string, string | string[]>,
  formData: FormData,
) => Promise<FormState> | FormState;

/** Builds a guarded server action from a user lookup (the session in the app). */
export function makeAuthedAction(getUser: () => Promise<SessionUser | null>) {
  /** `permission` may list several: any one lets the call through (the handler then checks ownership). */
  return function authedAction<S extends z.ZodType>(permission: Permission | readonly Permission[], schema: S, handler: ActionHandler<S>) {
    return async (_previous: FormState | undefined, formData: FormData): Promise<FormState> => {
      // Counted before anything is read or echoed: a flood of fields costs one pass over the names.
      const fieldCount = new Set(formData.keys()).size;
      if (fieldCount > MAX_FORM_FIELDS) return { formErrors: [tooManyFieldsMessage(fieldCount)] };
      const values = formValues(formData);
      const user = await getUser();
      const decision = decide(user, permission);
      if (decision === 'unauthenticated') return { formErrors: [SIGNED_OUT_MESSAGE], values: echoValues(values) };
      if (decision === 'forbidden') return { formErrors: [FORBIDDEN_MESSAGE], values: echoValues(values) };
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        return { formErrors: flat.formErrors, fieldErrors: flat.fieldErrors as Record<string, string[]>, values: echoValues(values) };
      }
      return handler(parsed.data, user!, values, formData);
    };
  };
}

/** Guarded server action: session, permission, zod, then the handler. */
export const authedAction = makeAuthedAction(getSessionUser);

type RouteHandler<C> = (request: Request, context: C, user: SessionUser) => Promise<Response> | Response;

/** Builds a guarded route handler from a user lookup (the session in the app). */
export function makeAuthedRoute(getUser: () => Promise<SessionUser | null>) {
  return function authedRoute<C>(permission: Permission | readonly Permission[], handler: RouteHandler<C>) {
    return async (request: Request, context: C): Promise<Response> => {
      const user = await getUser();
      const decision = decide(user, permission);
      if (decision === 'unauthenticated') return Response.json({ error: 'Sign in to use this service' }, { status: 401 });
      if (decision === 'forbidden') return Response.json({ error: 'You do not have permission to do this' }, { status: 403 });
      return handler(request, context, user!);
    };
  };
}

/** Guarded route handler: 401 when signed out, 403 when the role may not, before anything else. */
export const authedRoute = makeAuthedRoute(getSessionUser);

/** For pages: the signed-in user with this permission, a redirect to sign in, or a 403 page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
