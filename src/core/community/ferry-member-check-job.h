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
/* Members that could not be checked in this pass (their server failed or refused). */
guint                ferry_member_check_job_get_n_failed  (FerryMemberCheckJob *self);
/* The requests sent to one host in this pass (the API and ActivityPub documents). */
guint                ferry_member_check_job_get_n_requests_to (FerryMemberCheckJob *self,
                                                               const char          *host);
/* Seconds between two API requests to one server: its period over the budget share of its
 * limit (300 per 300 s by default, community-facts §7). */
double               ferry_member_check_job_get_interval  (FerryMemberCheckJob *self);

/* Without an account manager: the trust for the servers' certificates. */
void                 ferry_member_check_job_set_tls_database (FerryMemberCheckJob *self,
                                                              GTlsDatabase        *database);
/* The client that asks one host (its token goes only there); by default the helper's
 * account's client where the helper has an account on that host, otherwise one without a
 * token. */
void                 ferry_member_check_job_set_client    (FerryMemberCheckJob *self,
                                                           const char          *host,
                                                           FerryClient         *client);

/* The job's clock, in µs: now, and (for a virtual clock) moving it on to a time when the job
 * has nothing in flight and waits for it. Without advance, waits are real timers. */
typedef gint64 (*FerryMemberCheckNow)     (gpointer user_data);
typedef void   (*FerryMemberCheckAdvance) (gint64   until,
                                           gpointer user_data);

void                 ferry_member_check_job_set_clock     (FerryMemberCheckJob    *self,
                                                           FerryMemberCheckNow     now,
                                                           FerryMemberCheckAdvance advance,
                                                           gpointer                user_data);

G_END_DECLS
