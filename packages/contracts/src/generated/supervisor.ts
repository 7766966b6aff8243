// Generated from openapi/supervisor.yaml by scripts/generate-types.mjs. Do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the supervisor up */
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
    "/v1/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List programs
         * @description Every program with its state. `Accept text/plain` answers a short table.
         */
        get: operations["listPrograms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
            };
            cookie?: never;
        };
        /** One program, with its recent transitions */
        get: operations["getProgram"];
        /**
         * Define or replace a program
         * @description Defines the program (201) or replaces its definition (200). A replaced program that runs
         *     is restarted with the new definition; an identical definition changes nothing. Programs
         *     defined here are persisted under `<root>/state/` with origin `api`, survive supervisor
         *     restarts and are not touched by a config reload. `instances` must be 1 here: define each
         *     instance by its own name.
         */
        put: operations["putProgram"];
        post?: never;
        /**
         * Stop and remove a program
         * @description Stops the program (its `stop_signal`, then SIGKILL after `stop_timeout`) and forgets it.
         *     A program defined in the config file is removed there and reloaded instead (409).
         */
        delete: operations["deleteProgram"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{name}/{action}": {
        parameters: {
            query?: {
                /** @description How long to wait for the target state (default `10s`; `0s` answers at once). */
                wait?: components["parameters"]["WaitParam"];
            };
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
                /**
                 * @description `start` (and keep up), `stop` (and keep down, across supervisor restarts), `restart`,
                 *     `once` (run now, no restart: daemontools' `svc -o`).
                 */
                action: "start" | "stop" | "restart" | "once";
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start, stop, restart or run a program once */
        post: operations["programAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programs/{name}/signal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signal to a program's process */
        post: operations["signalProgram"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-read the config file and apply what changed
         * @description Unchanged programs keep their pid, changed ones restart, removed ones stop, new ones
         *     start (if `autostart`). Programs defined through the API or by a release are not touched.
         */
        post: operations["reload"];
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
        /** List apps with releases on this host */
        get: operations["listApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        /** List an app's releases */
        get: operations["listReleases"];
        put?: never;
        /**
         * Prepare a release (fetch, link, build)
         * @description Idempotent by `id`: a repeat of a completed prepare returns the same release, a repeat
         *     while one runs joins it, the same id with another revision or source is 409. Streams its
         *     output as chunked `text/plain` (or SSE); `?wait=false` answers 202 at once.
         */
        post: operations["prepareRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/releases/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
                /** @description The release id. */
                id: components["schemas"]["ReleaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch `current` to a release and restart its programs */
        post: operations["publishRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch back to an earlier release */
        post: operations["rollbackApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/apps/{app}/cleanup": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove old releases beyond `keep` */
        post: operations["cleanupReleases"];
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
            /** @description On 409: the operation that holds the program. */
            holder?: string;
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
        /** @description A duration such as `250ms`, `10s`, `5m`, `1h`, or a number of milliseconds. */
        DurationOrMs: components["schemas"]["Duration"] | number;
        Environment: {
            [key: string]: string;
        };
        /** @enum {string} */
        Signal: "HUP" | "INT" | "TERM" | "KILL" | "USR1" | "USR2" | "QUIT" | "CONT" | "STOP" | "ALRM" | "WINCH";
        /** @enum {string} */
        ProgramState: "STOPPED" | "STARTING" | "RUNNING" | "BACKOFF" | "STOPPING" | "EXITED" | "FATAL";
        /**
         * @description Who defined the program.
         * @enum {string}
         */
        Origin: "config" | "api" | "release";
        /**
         * @description What the supervisor keeps the program at; persists across its restarts.
         * @enum {string}
         */
        Desired: "up" | "down" | "once";
        /**
         * @description How a program shows it is ready (one of): a TCP port on 127.0.0.1 accepts, an HTTP URL
         *     answers 2xx, a command exits 0, or (s6-style) the program writes a newline to fd
         *     `notify_fd`.
         */
        Ready: {
            tcp: number;
        } | {
            http: string;
        } | {
            exec: string[];
        } | {
            notify_fd: number;
        };
        /** @description Delay between quick failures: `initial` × `factor`^n up to `max`. */
        Backoff: {
            initial?: components["schemas"]["DurationOrMs"];
            factor?: number;
            max?: components["schemas"]["DurationOrMs"];
        };
        /**
         * @description A program's definition. Defaults: `inherit_env` false (start from PATH, HOME, USER,
         *     LANG), `autostart` true, `autorestart` `unexpected`, `exit_codes` [0], `start_secs` 1s,
         *     `start_retries` 3, `backoff` {initial 1s, factor 2, max 60s}, `stop_signal` TERM,
         *     `stop_timeout` 10s, `instances` 1, `priority` 999.
         */
        ProgramSpec: {
            /**
             * @description An argv array, run without a shell; or a string, run as `/bin/sh -c 'exec <string>'`
             *     so the pid is the program's.
             */
            command: string | string[];
            /** @description Working directory. */
            directory?: string;
            environment?: components["schemas"]["Environment"];
            /**
             * @description daemontools envdir: one file per variable, its first line with trailing whitespace
             *     trimmed; an empty file removes the variable. Read at every start.
             */
            env_dir?: string;
            inherit_env?: boolean;
            /** @description Run as this user (needs root). */
            user?: string;
            /** @description Run with this group (needs root). */
            group?: string;
            /** @description e.g. `022`. */
            umask?: string;
            autostart?: boolean;
            /** @enum {string} */
            autorestart?: "always" | "unexpected" | "never";
            exit_codes?: number[];
            start_secs?: components["schemas"]["DurationOrMs"];
            start_retries?: number;
            backoff?: components["schemas"]["Backoff"];
            ready?: components["schemas"]["Ready"];
            stop_signal?: components["schemas"]["Signal"];
            stop_timeout?: components["schemas"]["DurationOrMs"];
            instances?: number;
            priority?: number;
        };
        /** @description `code` and `signal` are null when unknown (an adopted process). */
        LastExit: {
            code: number | null;
            signal: string | null;
            /** Format: date-time */
            at: string;
            reason?: string;
        };
        Transition: {
            /** Format: date-time */
            at: string;
            from: components["schemas"]["ProgramState"];
            to: components["schemas"]["ProgramState"];
            event: string;
            reason: string;
        };
        ProgramSummary: {
            name: components["schemas"]["ProgramName"];
            state: components["schemas"]["ProgramState"];
            ready: boolean;
            desired: components["schemas"]["Desired"];
            origin: components["schemas"]["Origin"];
            pid: number | null;
            /** Format: date-time */
            started_at: string | null;
            uptime_s: number | null;
            /** @description Restarts since the supervisor started (or adopted) the program. */
            restarts: number;
            /** @description The process was started by an earlier supervisor and is watched by polling. */
            adopted: boolean;
            last_exit: components["schemas"]["LastExit"] | null;
        };
        /**
         * @example {
         *       "name": "web.1",
         *       "state": "RUNNING",
         *       "ready": true,
         *       "desired": "up",
         *       "origin": "config",
         *       "pid": 4242,
         *       "started_at": "2025-01-01T10:00:00.000Z",
         *       "uptime_s": 3600,
         *       "restarts": 0,
         *       "adopted": false,
         *       "last_exit": null,
         *       "spec": {
         *         "command": [
         *           "/srv/app/bin/web"
         *         ],
         *         "ready": {
         *           "tcp": 8080
         *         }
         *       },
         *       "history": [
         *         {
         *           "at": "2025-01-01T10:00:00.000Z",
         *           "from": "STOPPED",
         *           "to": "STARTING",
         *           "event": "start",
         *           "reason": "autostart"
         *         }
         *       ]
         *     }
         */
        Program: {
            name: components["schemas"]["ProgramName"];
            state: components["schemas"]["ProgramState"];
            ready: boolean;
            desired: components["schemas"]["Desired"];
            origin: components["schemas"]["Origin"];
            pid: number | null;
            /** Format: date-time */
            started_at: string | null;
            uptime_s: number | null;
            /** @description Restarts since the supervisor started (or adopted) the program. */
            restarts: number;
            /** @description The process was started by an earlier supervisor and is watched by polling. */
            adopted: boolean;
            last_exit: components["schemas"]["LastExit"] | null;
            /** @description The definition; environment values are shown as `[redacted]`. */
            spec: components["schemas"]["ProgramSpec"];
            /** @description The most recent transitions, oldest first. */
            history: components["schemas"]["Transition"][];
        };
        ProgramList: {
            programs: components["schemas"]["ProgramSummary"][];
        };
        ActionResult: {
            /** @description The target state was reached before `wait` passed. */
            reached: boolean;
            program: components["schemas"]["Program"];
        };
        ReloadResult: {
            added: components["schemas"]["ProgramName"][];
            changed: components["schemas"]["ProgramName"][];
            removed: components["schemas"]["ProgramName"][];
            unchanged: components["schemas"]["ProgramName"][];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            host?: string;
            programs: number;
            version: string;
        };
        /** @description Who asks, for which deploy; `fence` refuses a stale executor. */
        DeployRef: {
            deploy_id: string;
            who: string;
            fence: number;
        };
        AppSummary: {
            name: components["schemas"]["Name"];
            current: components["schemas"]["ReleaseId"] | null;
            releases: number;
        };
        Release: {
            id: components["schemas"]["ReleaseId"];
            revision: string;
            /** Format: date-time */
            created_at: string;
            /** @description Bytes on disk. */
            size: number;
            current: boolean;
            /** @description Marked after a failed publish. */
            bad: boolean;
            complete: boolean;
        };
        PrepareRequest: components["schemas"]["DeployRef"] & {
            id: components["schemas"]["ReleaseId"];
            revision: string;
            /** @description `{git: {url, ref}}` or `{artifact: {url, sha256}}`. */
            source: Record<string, never>;
            build?: string[];
            environment?: components["schemas"]["Environment"];
            user?: string;
            linked_files?: string[];
            linked_dirs?: string[];
            /** @description Process types (`web`, `worker`, …) to program specs. */
            processes?: {
                [key: string]: components["schemas"]["ProgramSpec"];
            };
        };
        PublishRequest: components["schemas"]["DeployRef"] & {
            /** @description `restart`, or `signal:HUP` and the like. */
            restart?: string;
            health?: {
                min_healthy?: components["schemas"]["Duration"];
                http?: string;
                timeout?: components["schemas"]["Duration"];
            };
        };
        PublishResult: {
            release: components["schemas"]["ReleaseId"];
            healthy: boolean;
            programs: components["schemas"]["ProgramSummary"][];
        };
        RollbackRequest: components["schemas"]["DeployRef"] & {
            to?: components["schemas"]["ReleaseId"];
        };
        CleanupRequest: components["schemas"]["DeployRef"] & {
            keep: number;
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
        /** @description No representation matches `Accept`. */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such program (or app, or release). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Another operation holds the program (`holder` says which). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://drover.dev/problems/program-busy",
                 *       "title": "Program is busy",
                 *       "status": 409,
                 *       "code": "program-busy",
                 *       "detail": "web.1 is held by 'restart'",
                 *       "holder": "restart"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The program's name. */
        ProgramNameParam: components["schemas"]["ProgramName"];
        /** @description The app's name. */
        AppParam: components["schemas"]["Name"];
        /** @description How long to wait for the target state (default `10s`; `0s` answers at once). */
        WaitParam: components["schemas"]["Duration"];
    };
    requestBodies: never;
    headers: never;
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
            /** @description Up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "host": "web-1",
                     *       "programs": 3,
                     *       "version": "1.0.0"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            406: components["responses"]["NotAcceptable"];
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
    listPrograms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The programs, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgramList"];
                    /**
                     * @example NAME       STATE    READY  PID   UPTIME  RESTARTS
                     *     web.1      RUNNING  yes    4242  3600s   0
                     */
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    putProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "command": [
                 *         "/usr/bin/python3",
                 *         "-m",
                 *         "http.server",
                 *         "8080"
                 *       ],
                 *       "directory": "/srv/www",
                 *       "environment": {
                 *         "PYTHONUNBUFFERED": "1"
                 *       },
                 *       "ready": {
                 *         "tcp": 8080
                 *       },
                 *       "stop_timeout": "5s"
                 *     }
                 */
                "application/json": components["schemas"]["ProgramSpec"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description Defined. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    deleteProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    programAction: {
        parameters: {
            query?: {
                /** @description How long to wait for the target state (default `10s`; `0s` answers at once). */
                wait?: components["parameters"]["WaitParam"];
            };
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
                /**
                 * @description `start` (and keep up), `stop` (and keep down, across supervisor restarts), `restart`,
                 *     `once` (run now, no restart: daemontools' `svc -o`).
                 */
                action: "start" | "stop" | "restart" | "once";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The program's state once the target is reached or `wait` has passed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    signalProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The program's name. */
                name: components["parameters"]["ProgramNameParam"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "signal": "HUP"
                 *     }
                 */
                "application/json": {
                    signal: components["schemas"]["Signal"];
                };
            };
        };
        responses: {
            /** @description Sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    reload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the reload did. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReloadResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
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
            /** @description The apps. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apps: components["schemas"]["AppSummary"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listReleases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The releases, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        releases: components["schemas"]["Release"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    prepareRelease: {
        parameters: {
            query?: {
                /** @description `false` answers 202 at once; poll the release. */
                wait?: boolean;
            };
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrepareRequest"];
            };
        };
        responses: {
            /** @description The prepared release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                    "text/plain": string;
                };
            };
            /** @description Accepted; the prepare runs on. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    publishRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
                /** @description The release id. */
                id: components["schemas"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRequest"];
            };
        };
        responses: {
            /** @description The publish's result, healthy or not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    rollbackApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RollbackRequest"];
            };
        };
        responses: {
            /** @description The rollback's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    cleanupReleases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's name. */
                app: components["parameters"]["AppParam"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CleanupRequest"];
            };
        };
        responses: {
            /** @description What was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: components["schemas"]["ReleaseId"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
