import { configApiRef } from '@backstage/core-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../__testUtils__/fixtures';
import { mockReadinessApi } from '../../__testUtils__/mockReadinessApi';
import { renderInReadinessTestApp } from '../../__testUtils__/renderInReadinessTestApp';
import { ReadinessApi } from '../../api';
import { ReadinessBadgeDialog } from './ReadinessBadgeDialog';

const BADGE = {
  id: 'q7Zt3kPj0xY4mW8rB2nC5vL9sD1fG6hJ',
  url: 'https://backstage.example/api/readiness/public/badges/q7Zt3kPj0xY4mW8rB2nC5vL9sD1fG6hJ',
  markdown:
    '[![Production Readiness: readiness](https://backstage.example/api/readiness/public/badges/q7Zt3kPj0xY4mW8rB2nC5vL9sD1fG6hJ)](https://backstage.example/catalog/default/component/payments/readiness)',
};

const NEW_BADGE = {
  id: 'n3wId0fTheBadgeAfterRevokingIt00',
  url: 'https://backstage.example/api/readiness/public/badges/n3wId0fTheBadgeAfterRevokingIt00',
  markdown:
    '[![Production Readiness: readiness](https://backstage.example/api/readiness/public/badges/n3wId0fTheBadgeAfterRevokingIt00)](https://backstage.example/catalog/default/component/payments/readiness)',
};

async function renderDialog(options: {
  public: boolean;
  methods?: Partial<ReadinessApi>;
  /** Whether the permission policy allows revoking; allowed by default. */
  allowRevoke?: boolean;
}) {
  const api = mockReadinessApi(options.methods);
  const onClose = jest.fn();
  const allowRevoke = options.allowRevoke ?? true;
  await renderInReadinessTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({
            data: { readiness: { badges: { public: options.public } } },
          }),
        ],
      ]}
    >
      <ReadinessBadgeDialog
        // A permission decision is kept per entity: one entity per answer.
        entityRef={`component:default/${allowRevoke ? 'payments' : 'other'}`}
        scorecardId="production-readiness"
        scorecardTitle="Production Readiness"
        onClose={onClose}
      />
    </TestApiProvider>,
    { readinessApi: api, allowRefresh: allowRevoke },
  );
  const dialog = await screen.findByRole('dialog');
  return { api, onClose, dialog };
}

describe('ReadinessBadgeDialog', () => {
  it('makes no badge by opening, only when asked', async () => {
    const { api, dialog } = await renderDialog({
      public: true,
      methods: { createBadge: async () => BADGE },
    });

    expect(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    ).toBeEnabled();
    // Give an eager request the time to be sent.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(api.createBadge).not.toHaveBeenCalled();
    expect(within(dialog).queryByRole('img')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('creates the public badge, shows it and its Markdown and copies it', async () => {
    const user = userEvent.setup();
    const { api, dialog } = await renderDialog({
      public: true,
      methods: { createBadge: async () => BADGE },
    });

    await user.click(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    );

    const preview = await within(dialog).findByRole('img', {
      name: 'Production Readiness: readiness badge',
    });
    expect(preview).toHaveAttribute('src', BADGE.url);
    expect(api.createBadge).toHaveBeenCalledTimes(1);
    expect(api.createBadge).toHaveBeenCalledWith(
      'component:default/payments',
      'production-readiness',
    );
    expect(
      within(dialog).queryByRole('button', { name: 'Create badge' }),
    ).not.toBeInTheDocument();
    const markdown = within(dialog).getByRole('textbox', { name: 'Markdown' });
    expect(markdown).toHaveValue(BADGE.markdown);
    expect(markdown).toHaveAttribute('readonly');

    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));

    expect(
      await within(dialog).findByText('Copied to the clipboard.'),
    ).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(BADGE.markdown);
  });

  it('says what failed when the backend refuses', async () => {
    const error = await responseError(
      409,
      'Public badges are off; an administrator turns them on with readiness.badges.public: true',
    );
    const { dialog } = await renderDialog({
      public: true,
      methods: { createBadge: () => Promise.reject(error) },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not make the badge');
    expect(alert).toHaveTextContent('readiness.badges.public: true');
    expect(within(dialog).queryByRole('img')).not.toBeInTheDocument();
    // It may be tried again.
    expect(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    ).toBeEnabled();
  });

  it('revokes the link after confirming, then offers a new badge under a new link', async () => {
    const user = userEvent.setup();
    const badges = [BADGE, NEW_BADGE];
    const { api, dialog } = await renderDialog({
      public: true,
      methods: {
        createBadge: async () => badges.shift()!,
        revokeBadge: async () => {},
      },
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    );
    await within(dialog).findByRole('img');

    // A first press only asks, and Cancel takes nothing back.
    await user.click(
      within(dialog).getByRole('button', { name: 'Revoke link' }),
    );
    expect(within(dialog).getByText(/^Revoke this link\?/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.revokeBadge).not.toHaveBeenCalled();
    await user.click(
      within(dialog).getByRole('button', { name: 'Revoke link' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    expect(
      await within(dialog).findByText(/^The old link no longer works/),
    ).toBeInTheDocument();
    expect(api.revokeBadge).toHaveBeenCalledTimes(1);
    expect(api.revokeBadge).toHaveBeenCalledWith(BADGE.id);
    expect(within(dialog).queryByRole('img')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();

    await user.click(
      within(dialog).getByRole('button', { name: 'Create a new badge' }),
    );

    expect(await within(dialog).findByRole('img')).toHaveAttribute(
      'src',
      NEW_BADGE.url,
    );
    expect(
      within(dialog).getByRole('textbox', { name: 'Markdown' }),
    ).toHaveValue(NEW_BADGE.markdown);
    expect(
      within(dialog).queryByText(/^The old link no longer works/),
    ).not.toBeInTheDocument();
    expect(api.createBadge).toHaveBeenCalledTimes(2);
  });

  it('keeps the badge and says why when the link may not be revoked', async () => {
    const user = userEvent.setup();
    const error = await responseError(
      403,
      'You may not revoke the badges of component:default/payments (readiness.badge.revoke)',
    );
    const { dialog } = await renderDialog({
      public: true,
      methods: {
        createBadge: async () => BADGE,
        revokeBadge: () => Promise.reject(error),
      },
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    );
    await user.click(
      await within(dialog).findByRole('button', { name: 'Revoke link' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not revoke the link');
    expect(alert).toHaveTextContent('readiness.badge.revoke');
    expect(within(dialog).getByRole('img')).toHaveAttribute('src', BADGE.url);
    // It may be tried again.
    expect(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    ).toBeEnabled();
  });

  it('offers no revoking to those the permission policy does not allow', async () => {
    const { dialog } = await renderDialog({
      public: true,
      allowRevoke: false,
      methods: { createBadge: async () => BADGE },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create badge' }),
    );

    await within(dialog).findByRole('img');
    // Let the permission answer arrive.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      within(dialog).queryByRole('button', { name: 'Revoke link' }),
    ).not.toBeInTheDocument();
  });

  it('explains that public badges are off, asking the backend nothing', async () => {
    const { api, dialog, onClose } = await renderDialog({ public: false });

    expect(
      within(dialog).getByText(/Public badges are off in this Backstage/),
    ).toHaveTextContent('readiness.badges.public: true');
    expect(api.createBadge).not.toHaveBeenCalled();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Create badge' }),
    ).not.toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
