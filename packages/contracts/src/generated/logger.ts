// Generated from openapi/logger.yaml by scripts/generate-types.mjs. Do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is the logger up and writing
         * @description `degraded` (503) while some program's log cannot be written (disk full, permission);
         *     `problems` says which and why. The logger keeps what it can in a bounded buffer and
         *     retries until writing works again.
         */
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
        /**
         * Prometheus metrics
         * @description Lines and bytes written, rotations, buffered bytes and dropped bytes, per program
         *     (`drover_logger_*`). No default process collectors: an idle logger stays idle.
         */
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
    "/v1/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List programs with logs */
        get: operations["listLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/logs/{program}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A program name; no name can reach outside the logger's root. */
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        /**
         * Read, search or follow a program's log
         * @description Lines across the archives (gzipped too) and `current`, oldest first, as stored:
         *     `<time> <out|err> <text>`. Filters combine: `since`/`until` (inclusive), `grep` (plain
         *     substring of the text), `stream`, then `tail` keeps the last N. With `follow=true` the
         *     response stays open and streams new lines as they are written, across rotations:
         *     chunked `text/plain`, or Server-Sent Events with `Accept: text/event-stream`, where each
         *     event's `id` (`<time>#<n>`) can be sent back as `Last-Event-ID` to resume after it.
         */
        get: operations["readLog"];
        put?: never;
        /**
         * Append lines to a program's log
         * @description One record per line of the body (a missing final newline is added). Answered once every
         *     line is in the file. While the program's buffer is full (its disk failing) the answer is
         *     503 and nothing was accepted.
         */
        post: operations["writeLog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/logs/{program}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A program name; no name can reach outside the logger's root. */
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a program's current log now
         * @description Like `SIGALRM` for one program. An empty `current` is not rotated.
         */
        post: operations["rotateLog"];
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
        ProgramName: string;
        /** @enum {string} */
        Stream: "out" | "err";
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            version: string;
            /** @description Programs whose log cannot be written right now, and why. */
            problems: {
                program: components["schemas"]["ProgramName"];
                reason: string;
            }[];
        };
        LogSummary: {
            program: components["schemas"]["ProgramName"];
            /** @description Archives plus `current`. */
            files: number;
            /** @description Size on disk of those files. */
            bytes: number;
        };
        LogList: {
            programs: components["schemas"]["LogSummary"][];
        };
        WriteResult: {
            /** @description Records written. */
            lines: number;
            /** @description Bytes written, timestamps included. */
            bytes: number;
        };
        RotateResult: {
            /** @description The new archive's file name, or null when `current` was empty. */
            archive: string | null;
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
        /** @description No log for this program. */
        NotFound: {
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
        /** @description The body is over 8 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `text/plain`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing was accepted (buffer full while the disk fails, or stopping); retry. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description A program name; no name can reach outside the logger's root. */
        ProgramName: components["schemas"]["ProgramName"];
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
            /** @description Writing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            406: components["responses"]["NotAcceptable"];
            /** @description Degraded — some logs cannot be written right now. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
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
            /** @description The OpenAPI document the logger validates against. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    listLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every program that has a log directory, by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogList"];
                    /**
                     * @example PROGRAM      FILES  BYTES
                     *     hello.web    3      1048576
                     */
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
        };
    };
    readLog: {
        parameters: {
            query?: {
                /** @description Only the last N matching lines (ignored when resuming with Last-Event-ID). */
                tail?: number;
                /** @description Lines at or after this time (RFC 3339). */
                since?: string;
                /** @description Lines at or before this time (RFC 3339); not with `follow`. */
                until?: string;
                /** @description Lines whose text contains this string (plain substring, case-sensitive). */
                grep?: string;
                /** @description Only lines from this output. */
                stream?: components["schemas"]["Stream"];
                /** @description Keep the response open and stream new lines. */
                follow?: boolean;
            };
            header?: {
                /** @description Resume after this event id (from an earlier event stream). */
                "Last-Event-ID"?: string;
            };
            path: {
                /** @description A program name; no name can reach outside the logger's root. */
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lines, one per line (or one SSE event per line). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example 2026-11-23T10:49:05.123456Z out listening on :8080 */
                    "text/plain": string;
                    /**
                     * @example id: 2026-11-23T10:49:05.123456Z#0
                     *     data: 2026-11-23T10:49:05.123456Z out listening on :8080
                     */
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
        };
    };
    writeLog: {
        parameters: {
            query?: {
                /** @description Which output the lines belong to. */
                stream?: "out" | "err";
            };
            header?: never;
            path: {
                /** @description A program name; no name can reach outside the logger's root. */
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example first line
                 *     second line
                 */
                "text/plain": string;
            };
        };
        responses: {
            /** @description Written. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    rotateLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A program name; no name can reach outside the logger's root. */
                program: components["parameters"]["ProgramName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated (or nothing to rotate). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotateResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
