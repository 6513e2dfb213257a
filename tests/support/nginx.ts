/**
 * A real static server for tests: Debian's nginx on a loopback port, with a generated config that
 * serves built sites under sub-paths exactly as a plain static host would (directory indexes, a 404
 * page, no rewrites). Anything outside the mounted paths is a 404, so a link that assumes the site
 * sits at the root fails. `.ci/run` installs nginx; locally: apt-get install nginx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Mount {
  /** URL path prefix with both slashes, e.g. /atlas/. */
  prefix: string;
  /** Directory of the built site. */
  dir: string;
}

export interface NginxServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  /** The generated nginx.conf, for failure messages. */
  config: string;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];

export function nginxBinary(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found === undefined) throw new Error('nginx is not installed: apt-get install -y nginx (.ci/run does this)');
  return found;
}

/** A port that was free a moment ago (nginx cannot be asked to pick one). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** nginx.conf serving each mount with `alias`, its own 404.html as the error page, relative redirects. */
export function nginxConfig(work: string, port: number, mounts: Mount[]): string {
  const temp = (name: string) => `${name}_temp_path ${join(work, name)};`;
  const locations = mounts.map(
    ({ prefix, dir }) => `
    location ${prefix} {
      alias ${resolve(dir)}/;
      index index.html;
      error_page 404 ${prefix}404.html;
    }`,
  );
  // As root, workers would drop to `nobody`, who cannot read a build in a private temp dir.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}worker_processes 1;
daemon off;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'error.log')} warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/html text/css text/plain text/xml application/javascript application/json application/xml application/atom+xml text/csv;
  access_log off;
  ${temp('client_body')}
  ${temp('proxy')}
  ${temp('fastcgi')}
  ${temp('uwsgi')}
  ${temp('scgi')}
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    # Redirects (a directory without its slash) keep the host and port the client used.
    absolute_redirect off;
    ${locations.join('\n')}
  }
}
`;
}

/** Starts nginx in the foreground as our child process; stop() ends exactly that process. */
export async function startNginx(mounts: Mount[]): Promise<NginxServer> {
  const binary = nginxBinary();
  const work = mkdtempSync(join(tmpdir(), 'gazette-nginx-'));
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(work, name));
  const errorLog = join(work, 'error.log');
  const port = await freePort();
  const config = nginxConfig(work, port, mounts);
  const configPath = join(work, 'nginx.conf');
  writeFileSync(configPath, config);

  const child: ChildProcess = spawn(binary, ['-p', work, '-c', configPath, '-e', errorLog], { stdio: 'ignore' });
  let exited = false;
  const exit = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      done();
    }),
  );
  const origin = `http://127.0.0.1:${port}`;
  const log = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '(no error log)');

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) throw new Error(`nginx exited at start:\n${log()}\n--- config ---\n${config}`);
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGTERM');
        throw new Error(`nginx did not answer on ${origin}:\n${log()}`);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  return {
    origin,
    config,
    async stop() {
      if (!exited) {
        child.kill('SIGQUIT');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(timeout);
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
