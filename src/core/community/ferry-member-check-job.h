/* ferry-member-check-job.h: one pass over a community, each member asked on their own server
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account-manager.h"
#include "ferry-community.h"
#include "ferry-job.h"

G_BEGIN_DECLS

/* The share of a server's unauthenticated budget (300 per 5 minutes per IP on Mastodon) a
 * pass may use, leaving room for the person's own use. */
#define FERRY_MEMBER_CHECK_BUDGET_SHARE 0.93

#define FERRY_TYPE_MEMBER_CHECK_JOB (ferry_member_check_job_get_type ())

G_DECLARE_FINAL_TYPE (FerryMemberCheckJob, ferry_member_check_job, FERRY, MEMBER_CHECK_JOB,
                      FerryJob)

/* Checks members in ferry_community_members_to_check() order: the old account on the old
 * server, the expected (or moved-to) new account on its own server; applies each with
 * ferry_member_observe(), takes a snapshot at the end. Paced per server within its budget so
 * no 429 comes; waits show as FERRY_JOB_STATE_WAITING. accounts: for the TLS database and the
 * helper's tokens (GoToSocial's lookup needs one); nullable in tests that pass a database. */
FerryMemberCheckJob *ferry_member_check_job_new           (FerryCommunity      *community,
                                                           FerryAccountManager *accounts);
/* Only these members (old addresses); NULL: everyone due. */
void                 ferry_member_check_job_set_only      (FerryMemberCheckJob *self,
                                                           const char * const  *addresses);
FerryCommunity      *ferry_member_check_job_get_community (FerryMemberCheckJob *self);
/* When the pass should end at the servers' budgets (unix seconds; 0 before it starts). */
gint64               ferry_member_check_job_get_planned_end (FerryMemberCheckJob *self);
guint                ferry_member_check_job_get_n_checked (FerryMemberCheckJob *self);
guint                ferry_member_check_job_get_n_requests (FerryMemberCheckJob *self);

G_END_DECLS
