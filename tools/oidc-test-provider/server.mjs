// A real OpenID Provider for the tests: oidc-provider (a certified implementation) with its own
// login and consent pages, on 127.0.0.1 only. Started by the test fixtures, it exits when its
// standard input closes, so it never outlives the test process that started it.
//
//   node server.mjs <port> <clients.json>
//
// clients.json: [{ "client_id", "client_secret", "redirect_uris": [], "post_logout_redirect_uris": [] }]
// People: POST /test/accounts {"id", "email"?, "email_verified"?, "name"?} adds one; the login
// page signs in whoever's id is typed (any password), as a directory's test tenant would.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, clientsFile] = process.argv.slice(2);
if (!port || !clientsFile) {
  console.error('usage: node server.mjs <port> <clients.json>');
  process.exit(2);
}
const issuer = `http://localhost:${port}`;
const accounts = new Map();

const provider = new Provider(issuer, {
  clients: JSON.parse(readFileSync(clientsFile, 'utf8')).map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['chatweb-test-provider-only'] },
  async findAccount(ctx, id) {
    const account = accounts.get(id);
    if (!account) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        const claims = { sub: id };
        if (account.email !== undefined) claims.email = account.email;
        if (account.email_verified !== undefined) claims.email_verified = account.email_verified;
        if (account.name !== undefined) claims.name = account.name;
        return claims;
      },
    };
  },
});
const providerCallback = provider.callback();

async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body || '{}');
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/test/accounts') {
      const account = await readJson(req);
      accounts.set(account.id, account);
      res.writeHead(204).end();
      return;
    }
    // The provider's own discovery document under another address with another issuer: a relying
    // party pointed here must refuse the provider's tokens (their issuer is not the one it trusts).
    if (req.method === 'GET' && req.url === '/wrong-issuer/.well-known/openid-configuration') {
      const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      discovery.issuer = `${issuer}/wrong-issuer`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(discovery));
      return;
    }
    providerCallback(req, res);
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
  }
});

server.listen(Number(port), '127.0.0.1', () => console.log(`oidc-test-provider listening on ${issuer}`));
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
