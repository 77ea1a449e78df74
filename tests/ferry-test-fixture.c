/* ferry-test-fixture.c: the fedisim world the integration tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-test-fixture.h"
#include "ferry-test-util.h"
#include "ferry-tls-database.h"

/**
 * ferry_test_fixture_on_waiting:
 *
 * A wait for the rate budget: the virtual clock moves on to the moment the client waits for.
 * Requests waiting side by side wait for the same moment: the clock moves once.
 */
void
ferry_test_fixture_on_waiting (FerryClient      *client,
                               gint64            seconds,
                               FerryTestFixture *f)
{
  FerryRateLimiter *limiter = ferry_client_get_rate_limiter (client);
  gint64 wake = ferry_rate_limiter_get_server_now (limiter) + seconds;

  f->waits++;
  if (wake > fedisim_world_now (f->world))
    {
      f->waited += wake - fedisim_world_now (f->world);
      fedisim_world_set_time (f->world, wake);
    }
}

/**
 * ferry_test_fixture_new_client:
 * @token: (nullable): the token it calls with
 *
 * A client for @server that trusts the system's store plus the world's CA (as FERRY_CA_FILE
 * would give), with waits divided by 1000 and moving the virtual clock.
 */
FerryClient *
ferry_test_fixture_new_client (FerryTestFixture *f,
                               FedisimServer    *server,
                               const char       *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  FerryClient *client;

  trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  client = ferry_client_new (fedisim_server_get_base_url (server), trust);
  if (token != NULL)
    ferry_client_set_token (client, token);
  ferry_client_set_time_scale (client, 1000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (ferry_test_fixture_on_waiting), f);
  return client;
}

/* What the probe finds at @server, asked with a client of its own, without a token. */
FerryServerInfo *
ferry_test_fixture_probe (FerryTestFixture *f,
                          FedisimServer    *server,
                          GError          **error)
{
  g_autoptr(GTlsDatabase) trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world),
                                                          NULL);
  g_autoptr(FerryClient) client = ferry_client_new (fedisim_server_get_base_url (server), trust);
  g_autoptr(GAsyncResult) result = NULL;

  ferry_server_info_probe_async (client, NULL, ferry_test_got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ferry_server_info_probe_finish (result, error);
}

void
ferry_test_fixture_setup (FerryTestFixture *f,
                          gconstpointer     data)
{
  g_autoptr(GError) error = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->server = fedisim_world_add_server (f->world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  fedisim_server_add_user (f->server, "alice", "pw");
  f->token = fedisim_server_issue_token (f->server, "alice", "read write follow");
  f->client = ferry_test_fixture_new_client (f, f->server, f->token);
}

void
ferry_test_fixture_teardown (FerryTestFixture *f,
                             gconstpointer     data)
{
  g_clear_object (&f->client);
  g_clear_pointer (&f->world, fedisim_world_free);
  g_clear_pointer (&f->token, g_free);
}
