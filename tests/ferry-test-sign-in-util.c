/* ferry-test-sign-in-util.c: the fixture and the scripted person that the sign-in tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ferry-test-sign-in-util.h"

void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->browser = fedisim_browser_new (f->world);
  f->store = ferry_memory_store_new ();
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  f->opened = g_ptr_array_new_with_free_func (g_free);
  f->sent_to = g_ptr_array_new_with_free_func (g_free);
}

void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->trust);
  fedisim_browser_free (f->browser);
  fedisim_world_free (f->world);
  g_free (f->forged_page);
  g_free (f->last_page);
  g_ptr_array_unref (f->opened);
  g_ptr_array_unref (f->sent_to);
}

static gboolean
deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* No wait without end: a result within @seconds, or the test fails. */
void
await_result (GAsyncResult **slot,
              guint          seconds)
{
  gboolean late = FALSE;
  guint id = g_timeout_add_seconds (seconds, deadline_cb, &late);

  while (*slot == NULL && !late)
    g_main_context_iteration (NULL, TRUE);
  if (*slot == NULL)
    g_error ("no result within %u s", seconds);
  g_source_remove (id);
}

char *
query_param (const char *url,
             const char *name)
{
  const char *query = strchr (url, '?');
  g_autoptr(GHashTable) params = query ? g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, NULL)
                                       : NULL;

  return params ? g_strdup (g_hash_table_lookup (params, name)) : NULL;
}

typedef struct
{
  Fixture *f;
  char    *url;
} Visit;

/* What a person does in the browser: sign in, press Authorize; the browser then follows
 * the redirect to Ferry's loopback listener (or the person copies the code). */
static gboolean
browse_cb (gpointer user_data)
{
  Visit *visit = user_data;
  Fixture *f = visit->f;
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect_uri = query_param (visit->url, "redirect_uri");
  g_autofree char *result = NULL;

  /* The only places the code may go: Ferry's listener on loopback, or the server's own page. */
  g_assert_nonnull (redirect_uri);
  g_assert_true (g_str_equal (redirect_uri, FERRY_OAUTH_OOB) ||
                 g_str_has_prefix (redirect_uri, "http://127.0.0.1:"));
  result = fedisim_browser_authorize (f->browser, visit->url, f->username, f->password, &error);
  g_assert_no_error (error);
  if (g_str_equal (redirect_uri, FERRY_OAUTH_OOB))
    ferry_sign_in_submit_code (f->job, result);
  else
    {
      guint status;

      g_ptr_array_add (f->sent_to, g_strdup (result));
      /* The server sends the browser to the URI Ferry asked for, and nowhere else. */
      g_assert_true (g_str_has_prefix (result, redirect_uri));
      if (f->forge_first)
        {
          /* Another page sends the browser to the listener with a state of its own. */
          g_autofree char *forged = g_strdup (result);
          char *state = strstr (forged, "state=");

          g_assert_nonnull (state);
          state[6] = state[6] == 'X' ? 'Y' : 'X';
          f->forged_page = fedisim_browser_visit (f->browser, forged, &status, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (status, ==, 400);
        }
      g_free (f->last_page);
      f->last_page = fedisim_browser_visit (f->browser, result, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
    }
  g_free (visit->url);
  g_free (visit);
  return G_SOURCE_REMOVE;
}

static gboolean
on_open_uri (FerrySignIn *sign_in,
             const char  *url,
             Fixture     *f)
{
  Visit *visit;

  g_ptr_array_add (f->opened, g_strdup (url));
  if (f->ignore_first && f->opened->len == 1)
    return TRUE;
  visit = g_new0 (Visit, 1);
  visit->f = f;
  visit->url = g_strdup (url);
  g_idle_add (browse_cb, visit);
  return TRUE;
}

void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

FerryAccount *
sign_in_with (Fixture       *f,
              FerrySignIn   *job,
              const char    *username,
              const char    *password,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  f->username = username;
  f->password = password;
  f->job = job;
  g_signal_connect (job, "open-uri", G_CALLBACK (on_open_uri), f);
  ferry_sign_in_run_async (job, NULL, got_result, &result);
  await_result (&result, 30);
  f->job = NULL;
  return ferry_sign_in_run_finish (job, result, error);
}

FerryAccount *
sign_in (Fixture       *f,
         FedisimServer *server,
         FerryRole      role,
         const char    *username,
         const char    *password,
         gboolean       paste,
         gboolean       force_login,
         GError       **error)
{
  g_autoptr(FerrySignIn) job = ferry_sign_in_new (fedisim_server_get_host (server), role, f->store, f->trust);

  ferry_sign_in_set_paste_code (job, paste);
  ferry_sign_in_set_force_login (job, force_login);
  return sign_in_with (f, job, username, password, error);
}

char *
stored_token (Fixture    *f,
              const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;

  ferry_secret_store_lookup_async (f->store, FERRY_SECRET_TOKEN, key, NULL, got_result, &result);
  await_result (&result, 10);
  return ferry_secret_store_lookup_finish (f->store, result, NULL);
}
