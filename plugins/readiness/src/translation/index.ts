import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { badgeMessages } from './badgeMessages';
import { campaignMessages } from './campaignMessages';
import { entityMessages } from './entityMessages';
import { ownerInputMessages } from './ownerInputMessages';
import { scorecardMessages } from './scorecardMessages';
import { teamMessages } from './teamMessages';

/**
 * Messages of the readiness plugin, overridable through the translation API.
 *
 * @public
 */
export const readinessTranslationRef = createTranslationRef({
  id: 'readiness',
  messages: {
    ...entityMessages,
    ...campaignMessages,
    ...scorecardMessages,
    ...teamMessages,
    ...ownerInputMessages,
    ...badgeMessages,
  },
});
