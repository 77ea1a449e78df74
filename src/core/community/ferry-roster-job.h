/* ferry-roster-job.h: builds a community's roster from the servers, with each baseline
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

#define FERRY_TYPE_ROSTER_JOB (ferry_roster_job_get_type ())

G_DECLARE_FINAL_TYPE (FerryRosterJob, ferry_roster_job, FERRY, ROSTER_JOB, FerryJob)

/* sources: any of ADMIN, DIRECTORY, FOLLOWERS (the community account's), LIST (set the list
 * with ferry_roster_job_set_list_id()). The helper's old account (FERRY_ROLE_OLD in accounts)
 * reads them; the directory needs no sign-in. Each member found gets the source and, when it
 * has none, a baseline from the account the listing showed. A source that cannot be read (no
 * admin right, no scope) is skipped with its reason in ferry_roster_job_get_problems(); the
 * job fails only when no source could be read. */
FerryRosterJob *ferry_roster_job_new           (FerryCommunity      *community,
                                                FerryAccountManager *accounts,
                                                FerryMemberSource    sources);
void            ferry_roster_job_set_list_id   (FerryRosterJob      *self,
                                                const char          *list_id);
FerryCommunity *ferry_roster_job_get_community (FerryRosterJob      *self);
guint           ferry_roster_job_get_n_found   (FerryRosterJob      *self);
guint           ferry_roster_job_get_n_added   (FerryRosterJob      *self);
/* Sentences (translated), one per source that could not be read, e.g. why the admin API was
 * refused. */
GStrv           ferry_roster_job_get_problems  (FerryRosterJob      *self);
/* Without an account manager (tests, ferry-cli): the client of the helper's old account (its
 * token goes only to its host), and the trust for certificates. */
void            ferry_roster_job_set_client    (FerryRosterJob      *self,
                                                FerryClient         *client);
void            ferry_roster_job_set_tls_database (FerryRosterJob   *self,
                                                GTlsDatabase        *database);
/* How many members got their baseline from a lookup of their own (the listing had none). */
guint           ferry_roster_job_get_n_looked_up (FerryRosterJob    *self);

G_END_DECLS
