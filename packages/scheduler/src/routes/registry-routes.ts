import { Router, type Request, type Response } from 'express';
import { wantsText } from '@drover/contracts/http';
import { schedulerErrors } from '../errors.js';
import { formatEtag, type RegistryStore, type StoredRecord } from '../store/registry-store.js';

export interface RegistryRoutesOptions<Spec, View> {
  /** URL segment and path parameter: `apps` / `app`. */
  plural: string;
  param: string;
  listKey: string;
  store: RegistryStore<Spec>;
  view: (rec: StoredRecord<Spec>) => View;
  itemText: (view: View) => string;
  listText: (views: View[]) => string;
}

function paramOf(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

/** GET list, GET/PUT/DELETE one: the same shape for apps and hosts. */
export function registryRoutes<Spec, View>(o: RegistryRoutesOptions<Spec, View>): Router {
  const router = Router();
  const one = `/v1/${o.plural}/:${o.param}`;

  router.get(`/v1/${o.plural}`, async (req: Request, res: Response) => {
    const views = (await o.store.list()).map(o.view);
    if (wantsText(req)) res.type('text/plain').send(o.listText(views));
    else res.json({ [o.listKey]: views });
  });

  router.get(one, async (req: Request, res: Response) => {
    const name = paramOf(req, o.param);
    const rec = await o.store.get(name);
    if (!rec) throw schedulerErrors.notFound(o.param, name);
    res.setHeader('ETag', formatEtag(rec.etag));
    const view = o.view(rec);
    if (wantsText(req)) res.type('text/plain').send(o.itemText(view));
    else res.json(view);
  });

  router.put(one, async (req: Request, res: Response) => {
    const name = paramOf(req, o.param);
    const { outcome, record } = await o.store.put(name, req.body as Spec, req.get('if-match'));
    res.setHeader('ETag', formatEtag(record.etag));
    res.setHeader('X-Drover-Outcome', outcome);
    res.status(outcome === 'created' ? 201 : 200).json(o.view(record));
  });

  router.delete(one, async (req: Request, res: Response) => {
    await o.store.delete(paramOf(req, o.param), req.get('if-match'));
    res.status(204).end();
  });

  return router;
}
