import type { SchedulerApi } from '@drover/contracts';

type Schemas = SchedulerApi.components['schemas'];
export type AppSpec = Schemas['AppSpec'];
export type App = Schemas['App'];
export type HostSpec = Schemas['HostSpec'];
export type Host = Schemas['Host'];
export type Health = Schemas['Health'];
