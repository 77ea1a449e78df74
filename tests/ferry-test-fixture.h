/* ferry-test-fixture.h: the fedisim world the integration tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "ferry-client.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

/* A world with its CA, one Mastodon 4.5.0 server with "alice" (password "pw") and her token
 * ("read write follow"), and a client for her that trusts the world's CA. The client's waits
 * for the rate budget move the world's virtual clock (and are counted in @waits and @waited). */
typedef struct
{
  FedisimWorld  *world;
  FedisimServer *server;
  FerryClient   *client;
  char          *token;
  guint          waits;    /* how many times a client waited */
  gint64         waited;   /* for how many seconds of the virtual clock, in all */
} FerryTestFixture;

void         ferry_test_fixture_setup      (FerryTestFixture *f,
                                            gconstpointer     data);
void         ferry_test_fixture_teardown   (FerryTestFixture *f,
                                            gconstpointer     data);
FerryClient *ferry_test_fixture_new_client (FerryTestFixture *f,
                                            FedisimServer    *server,
                                            const char       *token);
FerryServerInfo *ferry_test_fixture_probe  (FerryTestFixture *f,
                                            FedisimServer    *server,
                                            GError          **error);
void         ferry_test_fixture_on_waiting (FerryClient      *client,
                                            gint64            seconds,
                                            FerryTestFixture *f);

G_END_DECLS
