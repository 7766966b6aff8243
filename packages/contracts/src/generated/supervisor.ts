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
        /**
         * List an app's releases
         * @description Newest first. A release being prepared is listed with `complete: false` and
         *     `preparing: true`; one whose last prepare failed, with `complete: false` and `error`.
         */
        get: operations["listReleases"];
        put?: never;
        /**
         * Prepare a release (fetch, link, build)
         * @description Fetches the source into a staging directory (git: a mirror in `repo/`, `git archive` of
         *     the commit; artifact: download, sha256 check, unpack), links `linked_dirs` /
         *     `linked_files` from `shared/`, runs `build`, then renames the staging directory to
         *     `releases/<id>`; a failed prepare leaves nothing that could be published.
         *
         *     Idempotent by `id`: a repeat of a completed prepare returns the same release, a repeat
         *     by the same deploy while one runs joins it, the same id with another revision or source
         *     is 409, and another deploy's operation on the app while one runs is 409.
         *
         *     The answer follows `Accept`: `application/json` answers the release once done;
         *     `text/event-stream` streams `log` events and ends with a `result` (or `error`) event;
         *     anything else streams chunked `text/plain` whose last line states the outcome
         *     (`OK …` or `FAILED …`). `?wait=false` answers 202 at once; poll the releases.
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
        /**
         * Switch `current` to a release and restart its programs
         * @description Switches `current` atomically (a new symlink renamed over the old one), defines the
         *     programs `<app>.<type>` (`<app>.<type>.<n>` with `instances`) from the release's
         *     processes (origin `release`, working directory `current`), removes the app's programs
         *     whose type is gone, restarts (or signals) the rest, and waits until every one is
         *     RUNNING and ready for `min_healthy` (and `http` answers 2xx), or `timeout` passes, or
         *     one turns FATAL. Answers healthy or unhealthy with per-program detail (200 either way);
         *     an unhealthy release is marked `bad`. Appends a line to `revisions.log`.
         *
         *     Publishing the release that is already current answers that publish's recorded result
         *     and restarts nothing; the same deploy's repeat while it runs joins it. Streams like the
         *     prepare does when `Accept` is not `application/json`.
         */
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
        /**
         * Switch back to an earlier release
         * @description Publishes `to` (the executor always names it, so every host ends on the same release)
         *     or else the newest complete, non-bad release older than `current`, the same way a
         *     publish does. The release it leaves is marked `bad` when its publish had failed. A
         *     repeat by the same deploy answers the recorded result.
         */
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
        /**
         * Remove old releases beyond `keep`
         * @description Removes the oldest releases beyond the newest `keep`, but never `current`, never the
         *     newest good release older than `current` (the rollback target), never one being
         *     prepared. Safe to repeat.
         */
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
            /** @description The `ready` check passed for the current process; without a check, RUNNING. */
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
            /** @description The `ready` check passed for the current process; without a check, RUNNING. */
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
        /** @description The deploy this call belongs to; the same deploy's repeat joins or replays. */
        DeployId: string;
        /** @description Who started the deploy (recorded in `revisions.log`). */
        Who: string;
        /**
         * @description Grows each time an executor takes a deploy over, and never decreases across an app's
         *     deploys (a counter per app); a call with a lower fence than the app has seen is 409
         *     `stale-fence`, so a stale executor can never act after its successor. A higher fence is
         *     recorded even when the call itself is then refused (it proves a successor exists).
         */
        Fence: number;
        /** @description A path inside the release (no leading `/`, no `.` or `..` component). */
        RelativePath: string;
        ProcessType: string;
        AppSummary: {
            name: components["schemas"]["Name"];
            current: components["schemas"]["ReleaseId"] | null;
            /** @description Complete releases on disk. */
            releases: number;
        };
        Release: {
            id: components["schemas"]["ReleaseId"];
            /** @description The commit sha (git) or the artifact's sha256. */
            revision: string;
            /** Format: date-time */
            created_at: string;
            /** @description Bytes on disk (0 while preparing). */
            size: number;
            current: boolean;
            /** @description Marked after a failed publish. */
            bad: boolean;
            /** @description Prepared and publishable. */
            complete: boolean;
            /** @description A prepare of this id runs now. */
            preparing?: boolean;
            deploy_id?: components["schemas"]["DeployId"];
            /** @description Why the last prepare of this id failed. */
            error?: string;
        };
        GitSource: {
            git: {
                /** @description Any URL git accepts over file, git, http(s) or ssh. */
                url: string;
                /** @description Resolved when `revision` is not a full commit sha. */
                ref?: string;
            };
        };
        ArtifactSource: {
            artifact: {
                /** @description `.tar.gz`, `.tgz` and `.tar` are unpacked; anything else is stored as is. */
                url: string;
                sha256: string;
                /** @description Download limit (default `1GiB`). */
                max_size?: string;
            };
        };
        PrepareRequest: {
            deploy_id: components["schemas"]["DeployId"];
            who: components["schemas"]["Who"];
            fence: components["schemas"]["Fence"];
            id: components["schemas"]["ReleaseId"];
            /**
             * @description The commit sha the deploy resolved (git), or a ref to resolve here (the first
             *     host's prepare); the artifact's sha256 for artifacts.
             */
            revision: string;
            source: components["schemas"]["GitSource"] | components["schemas"]["ArtifactSource"];
            /** @description Commands run in order in the release via `/bin/sh -c`, as `user`. */
            build?: string[];
            build_timeout?: components["schemas"]["Duration"];
            /** @description The app's merged with the host's; never echoed. */
            environment?: components["schemas"]["Environment"];
            /** @description Builds and programs run as this user. */
            user?: string;
            linked_files?: components["schemas"]["RelativePath"][];
            linked_dirs?: components["schemas"]["RelativePath"][];
            /** @description Process types (`web`, `worker`, …) to program specs. */
            processes?: {
                [key: string]: components["schemas"]["ProgramSpec"];
            };
        };
        /** @description When a publish counts as healthy. */
        HealthGate: {
            /** @description Every program RUNNING and ready this long without a restart (default 5s). */
            min_healthy?: components["schemas"]["Duration"];
            /** @description Must answer 2xx too. */
            http?: string;
            /** @description Unhealthy when not healthy by then (default 60s). */
            timeout?: components["schemas"]["Duration"];
        };
        /** @description `restart` (default), or `signal:HUP` and the like for programs that reload. */
        RestartMode: string;
        PublishRequest: {
            deploy_id: components["schemas"]["DeployId"];
            who: components["schemas"]["Who"];
            fence: components["schemas"]["Fence"];
            restart?: components["schemas"]["RestartMode"];
            health?: components["schemas"]["HealthGate"];
        };
        PublishResult: {
            release: components["schemas"]["ReleaseId"];
            /** @description What `current` was before. */
            previous: components["schemas"]["ReleaseId"] | null;
            /** @enum {string} */
            action: "publish" | "rollback";
            healthy: boolean;
            /** @description Why healthy or not, in one line. */
            detail: string;
            deploy_id: components["schemas"]["DeployId"];
            /** Format: date-time */
            at: string;
            programs: components["schemas"]["ProgramSummary"][];
        };
        RollbackRequest: {
            deploy_id: components["schemas"]["DeployId"];
            who: components["schemas"]["Who"];
            fence: components["schemas"]["Fence"];
            to?: components["schemas"]["ReleaseId"];
            restart?: components["schemas"]["RestartMode"];
            health?: components["schemas"]["HealthGate"];
        };
        CleanupRequest: {
            deploy_id: components["schemas"]["DeployId"];
            who: components["schemas"]["Who"];
            fence: components["schemas"]["Fence"];
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
        /**
         * @description The release could not be prepared from what was given (a missing linked file, an
         *     artifact that does not match its sha256 or would unpack outside the release, a build
         *     that failed); `detail` says which.
         */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The source could not be fetched (git or the artifact's server failed). */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Another operation holds the program or the app (`holder` says which), the same release
         *     id was asked for with another revision or source, or the call's fence is stale.
         */
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
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    prepareRelease: {
        parameters: {
            query?: {
                /** @description `false` answers 202 at once; poll the releases. */
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
            /** @description The prepared release (or its streamed log). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                    "text/plain": string;
                    "text/event-stream": string;
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
            422: components["responses"]["Unprocessable"];
            502: components["responses"]["BadGateway"];
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
            /** @description The publish's result, healthy or not (or its streamed log). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishResult"];
                    "text/plain": string;
                    "text/event-stream": string;
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
            /** @description The rollback's result (or its streamed log). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishResult"];
                    "text/plain": string;
                    "text/event-stream": string;
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
            /** @description What was removed and what is kept. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: components["schemas"]["ReleaseId"][];
                        kept: components["schemas"]["ReleaseId"][];
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
