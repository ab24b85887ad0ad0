import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The catalog as its real client reaches it: every call with credentials
 * first gets a token for the catalog on the caller's behalf, which a token
 * restricted to other plugins or permissions (`accessRestrictions`) is
 * refused. The mock catalog itself never asks.
 */
export function catalogAsCaller(
  catalog: CatalogService,
  auth: AuthService,
): CatalogService {
  return new Proxy(catalog, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') {
        return value;
      }
      return async (...args: unknown[]) => {
        const options = args[args.length - 1] as
          | {
              credentials?: Parameters<
                AuthService['getPluginRequestToken']
              >[0]['onBehalfOf'];
            }
          | undefined;
        if (options?.credentials) {
          await auth.getPluginRequestToken({
            onBehalfOf: options.credentials,
            targetPluginId: 'catalog',
          });
        }
        return value.apply(target, args);
      };
    },
  });
}
