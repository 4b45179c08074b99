import { describe, expectTypeOf, it } from 'vitest';
import { ui } from '../../src/slate/index.js';
import {
  createWebhookHandler,
  ERROR_CODES,
  failed,
  openModal,
  openToast,
  reload,
  type InteractionContext,
  type InteractionEvent,
  type RouteAnswer,
  type ShortcutsStatesEvent,
  type ToastStatus,
  type WebhookType,
} from '../../src/webhooks/index.js';

const slate = ui.Text({ value: 'x' });

describe('interaction types', () => {
  it('types the request data and the answers', () => {
    expectTypeOf<InteractionEvent['data']['callbackId']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ShortcutsStatesEvent['data']['entities'][number]['shortcuts']>().toEqualTypeOf<string[]>();
    expectTypeOf<ToastStatus>().toEqualTypeOf<'SUCCESS' | 'ERROR' | 'WARNING' | 'INFO' | 'NEUTRAL'>();
    expectTypeOf<WebhookType>().toEqualTypeOf<
      | 'TEST'
      | 'SUBSCRIPTION'
      | 'APP_INSTALLED'
      | 'APP_UNINSTALLED'
      | 'INTERACTION'
      | 'GET_SETTINGS'
      | 'UPDATE_SETTINGS'
      | 'SHORTCUTS_STATES'
      | 'FEDERATED_SEARCH'
    >();
    expectTypeOf(openModal('i', slate, { title: 'T', size: 'full' }).props.size).toEqualTypeOf<'xs' | 'sm' | 'md' | 'lg' | 'xl' | 'full'>();
    expectTypeOf(failed(ERROR_CODES.InvalidRequest, 'bad').errorMessage).toEqualTypeOf<string>();
  });

  it('refuses a modal without a title or with an unknown size', () => {
    // @ts-expect-error a modal needs a title
    openModal('i', slate, {});
    // @ts-expect-error the platform's sizes only
    openModal('i', slate, { title: 'T', size: 'huge' });
  });

  it('refuses a toast status in lower case', () => {
    // @ts-expect-error the platform's statuses are upper case
    openToast('i', { title: 'Saved', status: 'success' });
  });

  it('refuses a string error code', () => {
    // @ts-expect-error the platform's codes are numbers
    failed('NOT_ALLOWED', 'no');
    // @ts-expect-error and only those the platform knows
    failed(7, 'no');
  });

  it('refuses an unknown block or shortcut key in a typed registry', () => {
    createWebhookHandler<'example' | 'settings', 'favorite'>({
      signingSecret: 's',
      blocks: {
        example: { load: (context) => context.reload({ dynamicBlockKeys: ['example', 'settings'] }) },
        // @ts-expect-error no block of that key
        exmple: { load: () => undefined },
      },
      // @ts-expect-error no shortcut of that key
      shortcuts: { favourite: {} },
    });
    createWebhookHandler<'example'>({
      signingSecret: 's',
      blocks: {
        // @ts-expect-error reload names only the app's blocks
        example: { load: (context) => context.reload({ dynamicBlockKeys: ['other'] }) },
      },
    });
    // @ts-expect-error reload with a typed key list
    reload<'example'>('i', { dynamicBlockKeys: ['other'] });
  });

  it('hands routes a typed context, with the settings type the app gives', () => {
    createWebhookHandler<'settings', never, { greeting: string }>({
      signingSecret: 's',
      blocks: {
        settings: {
          load: (context) => {
            expectTypeOf(context).toEqualTypeOf<InteractionContext<{ greeting: string }, 'settings'>>();
            expectTypeOf(context.settings).toEqualTypeOf<{ greeting: string } | undefined>();
            return context.show(ui.Text({ value: context.settings?.greeting ?? 'hi' }));
          },
          callbacks: {
            save: (context, inputs) => {
              expectTypeOf(inputs).toEqualTypeOf<Record<string, unknown>>();
              // @ts-expect-error the settings' type is the app's
              return context.store({ greeting: 1 });
            },
          },
        },
      },
    });
  });

  it('infers the block keys when none are given', () => {
    createWebhookHandler({
      signingSecret: 's',
      blocks: {
        poll: {
          load: (context): RouteAnswer<'poll'> => {
            expectTypeOf(context.reload).parameter(0).toEqualTypeOf<{ context?: string; entityId?: string; dynamicBlockKeys?: 'poll'[] } | undefined>();
            return context.close();
          },
        },
      },
    });
  });
});
