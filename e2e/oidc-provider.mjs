// A real OpenID Connect provider (the oidc-provider package) on loopback, for the single sign-on journey
// in the e2e suite. Its built-in development sign-in page accepts any login; the login typed becomes the
// subject and the email claim, so the suite can sign in as a registered user and as a stranger.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT || 3101);
const appUrl = process.env.OIDC_APP_URL || 'http://localhost:3100';
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID || 'risk-register-e2e',
      client_secret: process.env.OIDC_CLIENT_SECRET || 'risk-register-e2e-secret',
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  pkce: { required: () => true },
  // Put the scope's claims (email, name) in the ID token, as Microsoft Entra ID does.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: `Organisation account ${id}` };
      },
    };
  },
  // Loopback test keys are generated per run; nothing here is a real secret.
  cookies: { keys: ['e2e-only-cookie-key'] },
});
provider.proxy = false;

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc test provider: ${issuer}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
