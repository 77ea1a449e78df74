/* ferry-test-move-util.h: the two servers, the backup and the move that the move tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "ferry-move.h"

G_BEGIN_DECLS

/* Alice on the old server with the "small" fixture and a backup of it (no posts) in a temporary
 * folder; bob on the new one; a client for each, trusting the world's CA. */
typedef struct
{
  FedisimWorld   *world;
  FedisimServer  *old_server;
  FedisimServer  *new_server;
  GTlsDatabase   *trust;
  FerryClient    *old_client;
  FerryClient    *new_client;
  FedisimBrowser *browser;
  char           *tmpdir;
  char           *backup;
  char           *old_handle;
  char           *new_handle;
} Fixture;

/* Not a g_test_add() setup: each test calls it with the servers' families it needs. */
void                  setup      (Fixture            *f,
                                  FedisimFlavour      old_flavour,
                                  FedisimFlavour      new_flavour);
void                  teardown   (Fixture            *f,
                                  gconstpointer       data);
FerryMove            *new_move   (Fixture            *f,
                                  FerryMoveDirection  direction);
void                  refresh    (FerryMove          *move);
/* Runs a step to its end; FALSE with @error when the server refused. */
gboolean              run_stage  (FerryMove          *move,
                                  FerryMoveStage      stage,
                                  const char         *password,
                                  GError            **error);
gboolean              has_check  (FerryMove          *move,
                                  const char         *id);
/* The check @id, or the test fails. */
const FerryMoveCheck *find_check (FerryMove          *move,
                                  const char         *id);

G_END_DECLS
