/* ferry-test-community-util.h: the community tests' world: old, new and elsewhere servers
 * with fedisim's community fixture, clients on the virtual clock, jobs run to their end
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim-community.h"
#include "ferry-community.h"
#include "ferry-member-check-job.h"
#include "ferry-roster-job.h"

G_BEGIN_DECLS

typedef struct
{
  FedisimWorld        *world;
  FedisimServer       *old_server;
  FedisimServer       *new_server;
  FedisimServer       *elsewhere;
  GTlsDatabase        *trust;
  const char * const  *names;       /* the members' usernames, from the fixture */
  const char          *inactive_since;
  guint                client_waits; /* times a client waited for a budget (must stay 0) */
} FerryTestCommunity;

/* A world with the three servers and n members seeded over every state (seed: the spread). */
void             ferry_test_community_setup      (FerryTestCommunity *t,
                                                  FedisimFlavour      old_flavour,
                                                  FedisimFlavour      new_flavour,
                                                  guint               n_members,
                                                  guint32             seed,
                                                  const char         *community_account);
void             ferry_test_community_teardown   (FerryTestCommunity *t);
/* A client for a server (the token only to it), trusting the world's CA, on the virtual
 * clock: its waits are counted in client_waits. */
FerryClient     *ferry_test_community_client     (FerryTestCommunity *t,
                                                  FedisimServer      *server,
                                                  const char         *token);
/* The model: the community with both hosts and the fixture's inactivity date. */
FerryCommunity  *ferry_test_community_model      (FerryTestCommunity *t);
/* Every member of the fixture in the roster, with the baseline a roster taken before the
 * moves recorded (the fixture's). */
void             ferry_test_community_add_all    (FerryTestCommunity *t,
                                                  FerryCommunity     *community);
/* The job on the world's virtual clock. */
void             ferry_test_community_use_clock  (FerryTestCommunity *t,
                                                  FerryMemberCheckJob *job);
/* Runs a job to its end; returns its result. */
gboolean         ferry_test_community_run        (FerryJob           *job,
                                                  GError            **error);
/* The state Ferry should show for fedisim's truth. */
FerryMemberState ferry_test_community_expected   (FedisimMemberState  truth);
/* Members whose state differs from the truth now (0: all equal); prints the first few. */
guint            ferry_test_community_mismatches (FerryTestCommunity *t,
                                                  FerryCommunity     *community);
/* The same, but a member whose followers went on arriving since it was checked (moved →
 * arriving → done) may be one step behind. */
guint            ferry_test_community_mismatches_lenient (FerryTestCommunity *t,
                                                  FerryCommunity     *community);
/* How many 429s the servers answered, in all. */
guint            ferry_test_community_n_429      (FerryTestCommunity *t);

G_END_DECLS
