// Generated from openapi/scheduler.yaml by scripts/generate-types.mjs. Do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the scheduler up and does it reach Redis */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getSpec"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List apps */
        get: operations["listApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
            };
            cookie?: never;
        };
        /** Get an app */
        get: operations["getApp"];
        /** Create or replace an app */
        put: operations["putApp"];
        post?: never;
        /** Delete an app */
        delete: operations["deleteApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hosts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List hosts */
        get: operations["listHosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hosts/{host}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                host: components["parameters"]["HostName"];
            };
            cookie?: never;
        };
        /** Get a host */
        get: operations["getHost"];
        /** Create or replace a host */
        put: operations["putHost"];
        post?: never;
        /** Delete a host */
        delete: operations["deleteHost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/stages/{stage}/deploys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
                stage: components["parameters"]["StageName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a deploy of an app to a stage
         * @description Queues a deploy. The release id (UTC `YYYYMMDDHHMMSS`, unique per app) and the commit the
         *     ref resolves to are fixed once, so every retry targets the same release. An
         *     `Idempotency-Key` makes a retried request return the same deploy.
         */
        post: operations["createDeploy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/stages/{stage}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
                stage: components["parameters"]["StageName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll a stage back to an earlier release */
        post: operations["createRollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/stages/{stage}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
                stage: components["parameters"]["StageName"];
            };
            cookie?: never;
        };
        /** What each host of a stage has, and which release is current */
        get: operations["listStageReleases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deploys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deploys, newest first */
        get: operations["listDeploys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deploys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["DeployId"];
            };
            cookie?: never;
        };
        /** Get a deploy */
        get: operations["getDeploy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deploys/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["DeployId"];
            };
            cookie?: never;
        };
        /**
         * A deploy's log, host-prefixed, from the start
         * @description Chunked `text/plain` for `curl -N` (the last line states the outcome), or server-sent
         *     events with ids for `Accept: text/event-stream` (resume with `Last-Event-ID`).
         */
        get: operations["getDeployLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deploys/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["DeployId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a deploy after its running step, reverting hosts already switched */
        post: operations["cancelDeploy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every program on every host */
        get: operations["listProcesses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hosts/{host}/programs/{program}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                host: components["parameters"]["HostName"];
                program: components["parameters"]["ProgramName"];
                action: "start" | "stop" | "restart" | "signal";
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start, stop, restart or signal a program on a host */
        post: operations["programAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hosts/{host}/programs/{program}/log": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                host: components["parameters"]["HostName"];
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        /** A program's log on a host, proxied from its logger */
        get: operations["getProgramLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            code: string;
            detail?: string;
            instance?: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        Name: string;
        ProgramName: string;
        ReleaseId: string;
        /** @description A duration such as `250ms`, `10s`, `5m`, `1h`. */
        Duration: string;
        Environment: {
            [key: string]: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            version: string;
            /** @enum {string} */
            redis?: "up" | "down";
        };
        GitSource: {
            git: {
                url: string;
                /** @default main */
                ref?: string;
            };
        };
        ArtifactSource: {
            artifact: {
                url: string;
                sha256: string;
            };
        };
        Source: components["schemas"]["GitSource"] | components["schemas"]["ArtifactSource"];
        /**
         * @description How a process shows it is ready (one of). `${VAR}` in `http`, `exec` and `tcp` (and in an
         *     argv `command`) is replaced with the host's merged environment when the deploy runs, so
         *     one app spec serves hosts with different ports.
         */
        Ready: {
            /** @description A port, or `${VAR}` naming one in the host's merged environment. */
            tcp: number | string;
        } | {
            http: string;
        } | {
            exec: string[];
        } | {
            notify_fd: number;
        };
        ProcessType: {
            /** @description An argv array (run without a shell) or a string (run as `/bin/sh -c 'exec …'`). */
            command: string | string[];
            /** @default 1 */
            instances?: number;
            ready?: components["schemas"]["Ready"];
            /** @description Up this long counts as started (the supervisor's default is 1s). */
            start_secs?: components["schemas"]["Duration"];
            /** @enum {string} */
            stop_signal?: "HUP" | "INT" | "TERM" | "KILL" | "USR1" | "USR2" | "QUIT" | "CONT" | "STOP" | "ALRM" | "WINCH";
            stop_timeout?: components["schemas"]["Duration"];
            /** @enum {string} */
            autorestart?: "always" | "unexpected" | "never";
            priority?: number;
            health?: {
                min_healthy?: components["schemas"]["Duration"];
                http?: string;
                timeout?: components["schemas"]["Duration"];
            };
        };
        Strategy: {
            /** @enum {string} */
            type: "parallel" | "groups" | "sequence";
            /** @description Hosts per group (groups). */
            limit?: number;
            wait?: components["schemas"]["Duration"];
            /** @description Hosts to publish first, alone. */
            canary?: number;
            /** @default true */
            auto_revert?: boolean;
        };
        Stage: {
            hosts?: components["schemas"]["Name"][];
            roles?: components["schemas"]["Name"][];
            strategy?: components["schemas"]["Strategy"];
        };
        Notify: {
            url: string;
            events?: ("started" | "finished" | "failed" | "reverted")[];
        };
        /** @description What a PUT of an app carries. `secrets` are write-only. */
        AppSpec: {
            source: components["schemas"]["Source"];
            build?: string[];
            environment?: components["schemas"]["Environment"];
            secrets?: components["schemas"]["Environment"];
            user?: string;
            linked_files?: string[];
            linked_dirs?: string[];
            processes?: {
                [key: string]: components["schemas"]["ProcessType"];
            };
            /** @default 5 */
            keep_releases?: number;
            notify?: components["schemas"]["Notify"][];
            stages?: {
                [key: string]: components["schemas"]["Stage"];
            };
        };
        /** @description An app as the API shows it; secrets appear by name only. */
        App: {
            name: components["schemas"]["Name"];
            source: components["schemas"]["Source"];
            build: string[];
            environment: components["schemas"]["Environment"];
            secret_names: string[];
            user?: string;
            linked_files: string[];
            linked_dirs: string[];
            processes: {
                [key: string]: components["schemas"]["ProcessType"];
            };
            keep_releases: number;
            notify: components["schemas"]["Notify"][];
            stages: {
                [key: string]: components["schemas"]["Stage"];
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        AppList: {
            apps: components["schemas"]["App"][];
        };
        HostSpec: {
            /** Format: uri */
            supervisor_url: string;
            /** Format: uri */
            logger_url: string;
            roles?: components["schemas"]["Name"][];
            labels?: {
                [key: string]: string;
            };
            environment?: components["schemas"]["Environment"];
        };
        Host: {
            name: components["schemas"]["Name"];
            supervisor_url: string;
            logger_url: string;
            roles: string[];
            labels: {
                [key: string]: string;
            };
            environment: components["schemas"]["Environment"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        HostList: {
            hosts: components["schemas"]["Host"][];
        };
        /** @enum {string} */
        DeployStatus: "queued" | "running" | "succeeded" | "failed" | "reverted" | "cancelled";
        /** @enum {string} */
        DeployPhase: "starting" | "updating" | "publishing" | "finishing" | "finished" | "failed" | "reverting" | "reverted";
        DeployRequest: {
            /** @description A git ref or sha; the app source ref by default. */
            revision?: string;
            strategy?: components["schemas"]["Strategy"];
            /** @default false */
            dry_run?: boolean;
            message?: string;
            /**
             * @default queue
             * @enum {string}
             */
            lock?: "queue" | "fail" | "supersede";
        };
        RollbackRequest: {
            to?: components["schemas"]["ReleaseId"];
            message?: string;
        };
        DeployHost: {
            host: string;
            /** @enum {string} */
            state: "pending" | "preparing" | "prepared" | "publishing" | "healthy" | "unhealthy" | "reverting" | "reverted" | "failed";
            /** Format: date-time */
            started_at?: string;
            /** Format: date-time */
            finished_at?: string;
            detail?: string;
            previous_release?: string | null;
        };
        DeployGroup: {
            hosts: string[];
            /** Format: date-time */
            started_at?: string;
            /** Format: date-time */
            finished_at?: string;
        };
        Deploy: {
            id: string;
            app: string;
            stage: string;
            /** @enum {string} */
            kind: "deploy" | "rollback";
            status: components["schemas"]["DeployStatus"];
            phase: components["schemas"]["DeployPhase"];
            /** @description The release this deploy prepares and publishes (a rollback's target once known). */
            release_id: string;
            revision_requested?: string;
            /** @description The commit sha (or artifact sha256) every host gets. */
            revision?: string;
            rollback_to?: string;
            /** @description The token that started it. */
            who: string;
            cancelled_by?: string;
            message?: string;
            error?: string;
            strategy: components["schemas"]["Strategy"];
            hosts: components["schemas"]["DeployHost"][];
            groups?: components["schemas"]["DeployGroup"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at?: string;
            /** Format: date-time */
            finished_at?: string;
        };
        DeployPlan: {
            app: string;
            stage: string;
            /** @enum {string} */
            kind: "deploy" | "rollback";
            release_id: string;
            revision_requested?: string;
            strategy: components["schemas"]["Strategy"];
            /** @description Hosts in the order they are published, group by group. */
            groups: string[][];
            phases: {
                phase: components["schemas"]["DeployPhase"];
                steps: string[];
            }[];
        };
        DeployList: {
            deploys: components["schemas"]["Deploy"][];
        };
        StageReleases: {
            app: string;
            stage: string;
            hosts: {
                host: string;
                current?: string;
                releases: {
                    id: components["schemas"]["ReleaseId"];
                    revision?: string;
                    bad?: boolean;
                }[];
            }[];
        };
        /** @enum {string} */
        ProgramState: "STOPPED" | "STARTING" | "RUNNING" | "BACKOFF" | "STOPPING" | "EXITED" | "FATAL";
        Process: {
            host: string;
            name: string;
            /** @description The app a release program belongs to (`<app>.<type>[.<n>]`). */
            app?: string;
            state: components["schemas"]["ProgramState"];
            ready: boolean;
            /** @enum {string} */
            desired: "up" | "down" | "once";
            pid: number | null;
            uptime_s: number | null;
            restarts: number;
        };
        ProcessList: {
            hosts: {
                host: string;
                /** @enum {string} */
                status: "up" | "unreachable";
                detail?: string;
            }[];
            processes: components["schemas"]["Process"][];
        };
    };
    responses: {
        /** @description The request is not valid; `errors` says which fields and why. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No token, or one that is not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The token lacks the scope this call needs. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Another operation holds the resource. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `If-Match` does not match the current ETag. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is over 1 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No representation matches `Accept`. */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A dependency (Redis) is not reachable. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The host's agent did not answer. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        AppName: components["schemas"]["Name"];
        StageName: components["schemas"]["Name"];
        HostName: components["schemas"]["Name"];
        ProgramName: components["schemas"]["ProgramName"];
        DeployId: string;
        /** @description Apply only if the resource's current ETag is this one (412 otherwise). */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description Version of the resource, for `If-Match`. */
        ETag: string;
        /**
         * @description What a PUT did: `created`, `updated`, or `unchanged` (the same spec was already stored; its
         *     ETag and timestamps are kept). `drover apply` reports it per item.
         */
        Outcome: "created" | "updated" | "unchanged";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in Prometheus' text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getSpec: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document the scheduler validates against. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    listApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every app, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppList"];
                    /**
                     * @example APP    SOURCE                              STAGES
                     *     hello  git file:///srv/hello.git@main     production
                     */
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app. Secrets are shown by name only. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    putApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the resource's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                app: components["parameters"]["AppName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "source": {
                 *         "git": {
                 *           "url": "file:///srv/git/hello.git",
                 *           "ref": "main"
                 *         }
                 *       },
                 *       "build": [
                 *         "npm ci --omit=dev"
                 *       ],
                 *       "environment": {
                 *         "NODE_ENV": "production"
                 *       },
                 *       "secrets": {
                 *         "DATABASE_PASSWORD": "hunter2"
                 *       },
                 *       "processes": {
                 *         "web": {
                 *           "command": [
                 *             "node",
                 *             "server.js"
                 *           ],
                 *           "instances": 1,
                 *           "ready": {
                 *             "tcp": 8080
                 *           }
                 *         }
                 *       },
                 *       "stages": {
                 *         "production": {
                 *           "hosts": [
                 *             "web-1",
                 *             "web-2"
                 *           ],
                 *           "strategy": {
                 *             "type": "groups",
                 *             "limit": 1,
                 *             "wait": "5s"
                 *           }
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AppSpec"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Drover-Outcome": components["headers"]["Outcome"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    deleteApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the resource's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                app: components["parameters"]["AppName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    listHosts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every host, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostList"];
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getHost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                host: components["parameters"]["HostName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The host. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Host"];
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    putHost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the resource's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                host: components["parameters"]["HostName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "supervisor_url": "http://10.0.0.11:7701",
                 *       "logger_url": "http://10.0.0.11:7702",
                 *       "roles": [
                 *         "web"
                 *       ],
                 *       "labels": {
                 *         "region": "eu-west"
                 *       },
                 *       "environment": {
                 *         "PORT": "8080"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["HostSpec"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Drover-Outcome": components["headers"]["Outcome"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Host"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Host"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    deleteHost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the resource's current ETag is this one (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                host: components["parameters"]["HostName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    createDeploy: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                app: components["parameters"]["AppName"];
                stage: components["parameters"]["StageName"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DeployRequest"];
            };
        };
        responses: {
            /** @description A dry run's plan; nothing was queued or run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeployPlan"];
                    "text/plain": string;
                };
            };
            /** @description Queued. */
            202: {
                headers: {
                    /** @description The deploy's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deploy"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createRollback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
                stage: components["parameters"]["StageName"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RollbackRequest"];
            };
        };
        responses: {
            /** @description Queued, as a deploy of kind `rollback`. */
            202: {
                headers: {
                    /** @description The deploy's URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deploy"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listStageReleases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: components["parameters"]["AppName"];
                stage: components["parameters"]["StageName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Releases per host. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StageReleases"];
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listDeploys: {
        parameters: {
            query?: {
                app?: components["schemas"]["Name"];
                stage?: components["schemas"]["Name"];
                status?: components["schemas"]["DeployStatus"];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deploys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeployList"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getDeploy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["DeployId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deploy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deploy"];
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getDeployLog: {
        parameters: {
            query?: {
                follow?: boolean;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path: {
                id: components["parameters"]["DeployId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    cancelDeploy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["DeployId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancellation requested. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deploy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listProcesses: {
        parameters: {
            query?: {
                host?: components["schemas"]["Name"];
                app?: components["schemas"]["Name"];
                state?: components["schemas"]["ProgramState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Programs by host, with each host's status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessList"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    programAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                host: components["parameters"]["HostName"];
                program: components["parameters"]["ProgramName"];
                action: "start" | "stop" | "restart" | "signal";
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    signal?: "HUP" | "INT" | "TERM" | "KILL" | "USR1" | "USR2" | "QUIT" | "CONT" | "STOP" | "ALRM" | "WINCH";
                };
            };
        };
        responses: {
            /** @description The program after the action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Process"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            502: components["responses"]["BadGateway"];
        };
    };
    getProgramLog: {
        parameters: {
            query?: {
                tail?: number;
                since?: string;
                until?: string;
                follow?: boolean;
                grep?: string;
                stream?: "out" | "err";
            };
            header?: {
                "Last-Event-ID"?: string;
            };
            path: {
                host: components["parameters"]["HostName"];
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Log lines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            502: components["responses"]["BadGateway"];
        };
    };
}
