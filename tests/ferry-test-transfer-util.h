/* ferry-test-transfer-util.h: the two servers, the backup and the transfer that the transfer
 * tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fedisim.h"
#include "ferry-transfer.h"

G_BEGIN_DECLS

typedef struct
{
  FedisimWorld  *world;
  FedisimServer *old_server;
  FedisimServer *new_server;
  GTlsDatabase  *trust;
  FerryClient   *new_client;
  char          *tmpdir;
  char          *backup;
} Fixture;

/* The kind and title of the @i-th import file; the model keeps them alive. */
const char    *import_kind      (GListModel          *files,
                                 guint                i);
const char    *import_title     (GListModel          *files,
                                 guint                i);
/* A client's wait for its rate budget moves the world's virtual clock. */
void           on_waiting       (FerryClient         *client,
                                 gint64               seconds,
                                 Fixture             *f);
FerryClient   *new_client       (Fixture             *f,
                                 FedisimServer       *server,
                                 const char          *user);
/* Two servers; alice on the old one with @fixture, backed up (without posts); bob on the new.
 * Not a g_test_add() setup: each test calls it with the servers it needs. */
void           setup            (Fixture             *f,
                                 FedisimFlavour       old_flavour,
                                 const char          *old_version,
                                 const char          *fixture,
                                 FedisimFlavour       new_flavour,
                                 const char          *new_version);
void           teardown         (Fixture             *f,
                                 gconstpointer        data);
FerryTransfer *new_transfer     (Fixture             *f,
                                 FerryTransferMethod  method);
/* Runs a transfer to its end (or until the new server has answered @stop_after more
 * requests, then cancels: a stop at any point, answers in flight included). */
gboolean       run              (Fixture             *f,
                                 FerryTransfer       *transfer,
                                 guint                stop_after,
                                 GError             **error);
JsonObject    *verify           (Fixture             *f,
                                 FerryTransfer       *transfer);
/* Every category: what is there and what is missing add up; nothing is missing without a
 * reason the person can act on. Returns how many are missing. */
guint          assert_explained (JsonObject          *report);
gint64         expected_of      (JsonObject          *report,
                                 const char          *id);

G_END_DECLS
