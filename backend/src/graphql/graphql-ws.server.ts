import type { IncomingMessage, Server } from 'node:http';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getOperationAST, GraphQLError, parse, validate } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import { type Extra, useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GqlContext } from '../auth/auth.decorators.js';
import { bearerToken } from '../auth/auth.guard.js';
import { AuthService } from '../auth/auth.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { coalesceWrites } from '../common/coalesce-writes.js';
import { formatError } from '../common/format-error.js';
import { isOutage } from '../common/outage.js';
import { APP_CONFIG, type AppConfig, runsApi } from '../config/config.js';
import { asGraphQLError, checkOperation } from './graphql-limits.js';

export const GRAPHQL_WS_PATH = '/graphql';
/** Largest WebSocket message accepted; a larger one closes the socket (1009, "Message Too Big"). */
export const WS_MAX_PAYLOAD = 64 * 1024;
/** "Try Again Later": the socket could not be authenticated because the database is down. */
const CLOSE_TRY_AGAIN = 1013;

type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/**
 * GraphQL over WebSocket (graphql-ws) at /graphql, for subscriptions: a socket needs a valid
 * token at connection (closed 4403 otherwise) and is closed (4401) when that token is revoked
 * or expires; messages are at most 64 KiB; a socket holds at most WS_MAX_SUBSCRIPTIONS
 * operations at once; each operation passes the same limits as over HTTP (depth, aliases,
 * cost); errors get the same codes and redaction as over HTTP.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(GraphqlWsServer.name);
  private readonly untrack = new WeakMap<WebSocket, () => void>();
  private wss?: WebSocketServer;
  private disposable?: { dispose: () => Promise<void> | void };
  private onUpgrade?: (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsApi(this.config)) return;
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const wss = new WebSocketServer({ noServer: true, path: GRAPHQL_WS_PATH, maxPayload: WS_MAX_PAYLOAD });
    this.wss = wss;
    this.disposable = useServer(this.options(), wss);
    this.onUpgrade = (req, socket, head) => {
      if (!wss.shouldHandle(req)) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        wss.emit('connection', ws, req);
        // graphql-ws logs a socket's error with console.error, socket and all; an oversized
        // message (ws closes it with 1009 itself) is the client's fault: one line is enough.
        ws.removeAllListeners('error');
        ws.on('error', (err: Error & { code?: string }) => this.logger.warn(`WebSocket from ${req.socket.remoteAddress ?? '?'} closed: ${err.message}`));
      });
    };
    server.on('upgrade', this.onUpgrade);
  }

  /** Sockets close before the database does (its pool closes in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.onUpgrade) this.adapterHost.httpAdapter?.getHttpServer()?.off('upgrade', this.onUpgrade);
    await this.disposable?.dispose();
  }

  private options(): ServerOptions<Record<string, unknown> | undefined, Extra> & { isProd: boolean } {
    const schema = this.schemaHost.schema;
    const limits = { maxDepth: this.config.graphqlMaxDepth, maxAliases: this.config.graphqlMaxAliases, maxCost: this.config.graphqlMaxCost };
    return {
      schema,
      // Close reasons never carry an error's text.
      isProd: true,
      connectionInitWaitTimeout: 10_000,
      context: (ctx: WsContext): GqlContext => ({
        req: ctx.extra.request as GqlContext['req'],
        connectionParams: ctx.connectionParams,
        ip: ctx.extra.request.socket.remoteAddress ?? '',
      }),
      onConnect: async (ctx) => {
        const token = bearerToken({ connectionParams: ctx.connectionParams, req: ctx.extra.request as GqlContext['req'] });
        if (!token) return false;
        try {
          const principal = await this.auth.principal(token);
          if (!principal) return false;
          this.untrack.set(ctx.extra.socket, this.auth.trackSocket(ctx.extra.socket, token, principal));
          return true;
        } catch (err) {
          if (!isOutage(err)) throw err;
          ctx.extra.socket.close(CLOSE_TRY_AGAIN, 'The portal cannot reach its database: try again in a few seconds.');
          return false;
        }
      },
      onClose: (ctx) => {
        this.untrack.get(ctx.extra.socket)?.();
      },
      onSubscribe: (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > this.config.wsMaxSubscriptions) {
          return [
            asGraphQLError(
              new AppError(
                ErrorCode.TOO_MANY_REQUESTS,
                `A connection holds at most ${this.config.wsMaxSubscriptions} subscriptions at once: end one before starting another.`,
                {
                  limit: 'subscriptions',
                  max: this.config.wsMaxSubscriptions,
                },
              ),
              429,
            ),
          ];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('The query cannot be parsed.')];
        }
        const invalid = validate(schema, document);
        if (invalid.length) return invalid;
        try {
          checkOperation(schema, document, payload.variables ?? undefined, payload.operationName, limits);
        } catch (err) {
          if (err instanceof AppError) return [asGraphQLError(err, 400)];
          throw err;
        }
        // Mutations go over HTTP, where each is written to the audit trail.
        if (getOperationAST(document, payload.operationName)?.operation === 'mutation') {
          return [
            asGraphQLError(
              new AppError(ErrorCode.VALIDATION_FAILED, 'Send mutations to POST /graphql: over this WebSocket only queries and subscriptions run.'),
              400,
            ),
          ];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      // Errors over WebSocket get the same codes and redaction as over HTTP; the messages of one tick leave in one write.
      onNext: (ctx, _id, _payload, _args, result) => {
        coalesceWrites(ctx.extra);
        return result.errors?.length ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    };
  }

  /** Open sockets of this process (for tests and metrics). */
  get connections(): number {
    return this.wss?.clients.size ?? 0;
  }
}
