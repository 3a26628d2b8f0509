import type { Knex } from 'knex';
import * as createOrganisations from './20261124100000_create_organisations.js';
import * as createUsers from './20261124100100_create_users.js';
import * as createUserTokens from './20261124100200_create_user_tokens.js';
import * as createSessions from './20261124100300_create_sessions.js';
import * as createSources from './20261124110000_create_sources.js';
import * as createChunks from './20261124110100_create_chunks.js';
import * as createDocuments from './20261124120000_create_documents.js';
import * as createSyncRuns from './20261124120100_create_sync_runs.js';
import * as createSourceFiles from './20261124120200_create_source_files.js';
import * as createVisitors from './20261124130000_create_visitors.js';
import * as createConversations from './20261124130100_create_conversations.js';
import * as createMessages from './20261124130200_create_messages.js';
import * as createWidgetSettings from './20261124130300_create_widget_settings.js';
import * as createRateLimits from './20261124130400_create_rate_limits.js';
import * as addConversationLifecycle from './20261124140000_add_conversation_lifecycle.js';
import * as createConversationEvents from './20261124140100_create_conversation_events.js';
import * as addMessageVisibility from './20261124140200_add_message_visibility.js';
import * as createConversationReads from './20261124140300_create_conversation_reads.js';
import * as createHandoffSettings from './20261124140400_create_handoff_settings.js';
import * as createCannedResponses from './20261124140500_create_canned_responses.js';
import * as createAgentPresence from './20261124140600_create_agent_presence.js';
import * as addConversationSummary from './20261124140700_add_conversation_summary.js';
import * as createAvailabilitySettings from './20261124150000_create_availability_settings.js';
import * as createOutboxEmails from './20261124150100_create_outbox_emails.js';
import * as addVisitorFollowup from './20261124150200_add_visitor_followup.js';
import * as createRatings from './20261124160000_create_ratings.js';
import * as createKnowledgeFixes from './20261124160100_create_knowledge_fixes.js';
import * as createPrivacySettings from './20261124170000_create_privacy_settings.js';
import * as createAuditEvents from './20261124170100_create_audit_events.js';
import * as addChunkTerms from './20261207100000_add_chunk_terms.js';
import * as addVisitorEmailVerified from './20261207110000_add_visitor_email_verified.js';
import * as addTwoFactor from './20261207120000_add_two_factor.js';
import * as addOrganisationOnboarding from './20261207130000_add_organisation_onboarding.js';
import * as addTwoFactorAttempts from './20261207140000_add_two_factor_attempts.js';
import * as createWidgetOriginsSeen from './20261207150000_create_widget_origins_seen.js';
import * as createSourcePages from './20261207160000_create_source_pages.js';
import * as createIntegrations from './20261207170000_create_integrations.js';
import * as createPersonalAccessTokens from './20261207180000_create_personal_access_tokens.js';
import * as addUserOidcSubject from './20261207190000_add_user_oidc_subject.js';

/**
 * Every migration, in order. Imported statically so the same list works under tsx, vitest and
 * the compiled build (knex cannot load .ts files by directory on Node 20). Add new ones at the end.
 */
export const migrations: Record<string, Knex.Migration> = {
  '20261124100000_create_organisations': createOrganisations,
  '20261124100100_create_users': createUsers,
  '20261124100200_create_user_tokens': createUserTokens,
  '20261124100300_create_sessions': createSessions,
  '20261124110000_create_sources': createSources,
  '20261124110100_create_chunks': createChunks,
  '20261124120000_create_documents': createDocuments,
  '20261124120100_create_sync_runs': createSyncRuns,
  '20261124120200_create_source_files': createSourceFiles,
  '20261124130000_create_visitors': createVisitors,
  '20261124130100_create_conversations': createConversations,
  '20261124130200_create_messages': createMessages,
  '20261124130300_create_widget_settings': createWidgetSettings,
  '20261124130400_create_rate_limits': createRateLimits,
  '20261124140000_add_conversation_lifecycle': addConversationLifecycle,
  '20261124140100_create_conversation_events': createConversationEvents,
  '20261124140200_add_message_visibility': addMessageVisibility,
  '20261124140300_create_conversation_reads': createConversationReads,
  '20261124140400_create_handoff_settings': createHandoffSettings,
  '20261124140500_create_canned_responses': createCannedResponses,
  '20261124140600_create_agent_presence': createAgentPresence,
  '20261124140700_add_conversation_summary': addConversationSummary,
  '20261124150000_create_availability_settings': createAvailabilitySettings,
  '20261124150100_create_outbox_emails': createOutboxEmails,
  '20261124150200_add_visitor_followup': addVisitorFollowup,
  '20261124160000_create_ratings': createRatings,
  '20261124160100_create_knowledge_fixes': createKnowledgeFixes,
  '20261124170000_create_privacy_settings': createPrivacySettings,
  '20261124170100_create_audit_events': createAuditEvents,
  '20261207100000_add_chunk_terms': addChunkTerms,
  '20261207110000_add_visitor_email_verified': addVisitorEmailVerified,
  '20261207120000_add_two_factor': addTwoFactor,
  '20261207130000_add_organisation_onboarding': addOrganisationOnboarding,
  '20261207140000_add_two_factor_attempts': addTwoFactorAttempts,
  '20261207150000_create_widget_origins_seen': createWidgetOriginsSeen,
  '20261207160000_create_source_pages': createSourcePages,
  '20261207170000_create_integrations': createIntegrations,
  '20261207180000_create_personal_access_tokens': createPersonalAccessTokens,
  '20261207190000_add_user_oidc_subject': addUserOidcSubject,
};
