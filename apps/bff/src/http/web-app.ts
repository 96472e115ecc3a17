import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app from `webRoot`. Files under `assets/` carry a
 * content hash in their names, so browsers may keep them for a year. Every
 * other file, `index.html` above all, is revalidated on each load, so a new
 * build is picked up at once. A GET for a path that is neither /api nor a file
 * (a share link such as `/q/<id>`) answers `index.html` and the web app routes
 * it. Without a build, every page says how to make one.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.log.warn({ webRoot }, 'web app not built; pages explain how to build it');
    app.setNotFoundHandler(async (request, reply) => {
      if (isApiPath(request.url)) throw notFound();
      return reply.code(503).type('text/plain; charset=utf-8').header('cache-control', REVALIDATE).send(
        `The console's web app is not built: ${join(webRoot, 'index.html')} is missing.\n` +
          'Build it with `npm run build` in the repository root (or `npm start`, which builds and starts everything), ' +
          'or point WEB_ROOT at a folder holding a build.\n',
      );
    });
    return;
  }

  const assetsDir = join(webRoot, 'assets');
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // The web build writes .br and .gz files beside each asset; sending those
    // is smaller and cheaper than compressing on every request.
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header('cache-control', path.startsWith(assetsDir + sep) ? IMMUTABLE : REVALIDATE);
    },
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isSpaRoute(request)) throw notFound();
    return reply.header('cache-control', REVALIDATE).sendFile('index.html');
  });
}

function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

/** Checks whether a request is for a page of the web app: a GET outside /api and /assets without a file extension. */
function isSpaRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0] ?? '';
  if (isApiPath(path) || path.startsWith('/assets/')) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return extname(lastSegment) === '';
}
