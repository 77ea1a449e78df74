/* ferry-loopback-listener.c: where the browser brings the person back after signing in
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 8252 §7.3: http://127.0.0.1:PORT/callback on a random port, for one answer. The
 * state must be the one Ferry sent; anything else is refused and the listener keeps
 * waiting for the real one. After the code arrives it closes itself. It waits at most as long
 * as the server's code lives (Doorkeeper's authorization_code_expires_in: 10 minutes), and
 * then says so, so that nobody waits for a browser that cannot come back.
 */

#define G_LOG_DOMAIN "ferry-loopback-listener"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-loopback-listener.h"

struct _FerryLoopbackListener
{
  GObject     parent_instance;

  SoupServer *server;        /* owned */
  char       *state;
  char       *redirect_uri;
  GTask      *waiting;       /* owned */
  char       *code;
  GError     *error;
  guint       timeout_s;
  guint       timeout_source;
};

#define DEFAULT_TIMEOUT_S (10 * 60)

G_DEFINE_FINAL_TYPE (FerryLoopbackListener, ferry_loopback_listener, G_TYPE_OBJECT)

static void
page (SoupServerMessage *msg,
      guint              status,
      const char        *title,
      const char        *text)
{
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *x = g_markup_escape_text (text, -1);
  g_autofree char *html = g_strdup_printf (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
    "<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;text-align:center}</style>"
    "</head><body><h1>%s</h1><p>%s</p></body></html>", t, t, x);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, html,
                                    strlen (html));
}

static void
finish (FerryLoopbackListener *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->waiting);

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  if (task == NULL)
    return;
  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&self->code), g_free);
}

static gboolean
close_cb (gpointer data)
{
  FerryLoopbackListener *self = data;

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  finish (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
callback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  FerryLoopbackListener *self = user_data;
  const char *state = query ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  const char *error = query ? g_hash_table_lookup (query, "error") : NULL;

  if (!g_str_equal (path, "/callback") || self->code != NULL || self->error != NULL)
    {
      page (msg, 404, _("Not here"), _("This address is only for Ferry’s sign-in."));
      return;
    }
  if (g_strcmp0 (state, self->state) != 0)
    {
      /* Not the answer to Ferry's request: a forgery, or an old tab. */
      page (msg, 400, _("This sign-in did not come from Ferry"),
            _("Ferry did not start this sign-in, so it ignored it. Go back to Ferry and start "
              "again."));
      return;
    }

  if (error != NULL)
    {
      /* access_denied: the person said no. Anything else is the server's refusal of the
       * redirect (GoToSocial answers server_error for a redirect URI it does not know):
       * FERRY_API_ERROR_SERVER, for which Ferry offers the pasted code instead. */
      if (g_str_equal (error, "access_denied"))
        {
          self->error = g_error_new_literal (FERRY_API_ERROR, FERRY_API_ERROR_AUTH,
                                             _("You did not allow Ferry to use the account."));
          page (msg, 200, _("Sign-in cancelled"),
                _("You can close this tab and go back to Ferry."));
        }
      else
        {
          self->error =
            g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_SERVER,
                         _("The server refused to send the browser back to Ferry (%s)."), error);
          page (msg, 200, _("The server did not let this sign-in finish here"),
                _("Go back to Ferry: it shows another way to sign in, with a code."));
        }
    }
  else if (code == NULL || code[0] == '\0')
    {
      page (msg, 400, _("Something is missing"),
            _("The server sent no sign-in code. Go back to Ferry and start again."));
      return;
    }
  else
    {
      self->code = g_strdup (code);
      page (msg, 200, _("You are signed in"), _("You can close this tab and go back to Ferry."));
    }

  /* One use: close after this answer has gone out. */
  g_idle_add (close_cb, g_object_ref (self));
}

static void
ferry_loopback_listener_dispose (GObject *object)
{
  FerryLoopbackListener *self = FERRY_LOOPBACK_LISTENER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->waiting);
  g_clear_handle_id (&self->timeout_source, g_source_remove);

  G_OBJECT_CLASS (ferry_loopback_listener_parent_class)->dispose (object);
}

static void
ferry_loopback_listener_finalize (GObject *object)
{
  FerryLoopbackListener *self = FERRY_LOOPBACK_LISTENER (object);

  g_free (self->state);
  g_free (self->redirect_uri);
  g_free (self->code);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ferry_loopback_listener_parent_class)->finalize (object);
}

static void
ferry_loopback_listener_class_init (FerryLoopbackListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ferry_loopback_listener_dispose;
  object_class->finalize = ferry_loopback_listener_finalize;
}

static void
ferry_loopback_listener_init (FerryLoopbackListener *self)
{
  self->timeout_s = DEFAULT_TIMEOUT_S;
}

/**
 * ferry_loopback_listener_new:
 * @state: the state sent with the authorization request
 * @port: the port to listen on, as registered where the server wants the exact redirect URI;
 *   0 for one the system picks
 *
 * Starts listening on 127.0.0.1.
 */
FerryLoopbackListener *
ferry_loopback_listener_new (const char  *state,
                             guint16      port,
                             GError     **error)
{
  g_autoptr(FerryLoopbackListener) self = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  GSList *uris;

  g_return_val_if_fail (state != NULL, NULL);

  self = g_object_new (FERRY_TYPE_LOOPBACK_LISTENER, NULL);
  self->state = g_strdup (state);
  self->server = soup_server_new ("server-header", "Ferry", NULL);
  soup_server_add_handler (self->server, NULL, callback_cb, self, NULL);
  if (!soup_server_listen (self->server, address, 0, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  self->redirect_uri =
    g_strdup_printf ("http://127.0.0.1:%d/callback", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return g_steal_pointer (&self);
}

const char *
ferry_loopback_listener_get_redirect_uri (FerryLoopbackListener *self)
{
  g_return_val_if_fail (FERRY_IS_LOOPBACK_LISTENER (self), NULL);

  return self->redirect_uri;
}

/* The state the answer must carry. */
const char *
ferry_loopback_listener_get_state (FerryLoopbackListener *self)
{
  g_return_val_if_fail (FERRY_IS_LOOPBACK_LISTENER (self), NULL);

  return self->state;
}

/* How long to wait for the browser at most (from the start of the wait). */
void
ferry_loopback_listener_set_timeout (FerryLoopbackListener *self,
                                     guint                  seconds)
{
  g_return_if_fail (FERRY_IS_LOOPBACK_LISTENER (self));
  g_return_if_fail (seconds > 0);

  self->timeout_s = seconds;
}

static gboolean
timeout_cb (gpointer user_data)
{
  FerryLoopbackListener *self = user_data;

  self->timeout_source = 0;
  if (self->code == NULL && self->error == NULL && self->timeout_s < 60)
    self->error =
      g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The browser did not come back to Ferry within %u second.",
                                "The browser did not come back to Ferry within %u seconds.",
                                self->timeout_s),
                   self->timeout_s);
  else if (self->code == NULL && self->error == NULL)
    self->error =
      g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The browser did not come back to Ferry within %u minute.",
                                "The browser did not come back to Ferry within %u minutes.",
                                self->timeout_s / 60),
                   self->timeout_s / 60);
  finish (self);
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable          *cancellable,
              FerryLoopbackListener *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->waiting);

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  if (task != NULL)
    g_task_return_error_if_cancelled (task);
}

void
ferry_loopback_listener_wait_async (FerryLoopbackListener *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_return_if_fail (FERRY_IS_LOOPBACK_LISTENER (self));
  g_return_if_fail (self->waiting == NULL);

  self->waiting = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->waiting, ferry_loopback_listener_wait_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (cancelled_cb), self, 0);
  if (self->code != NULL || self->error != NULL)
    finish (self);
  else
    self->timeout_source = g_timeout_add_seconds (self->timeout_s, timeout_cb, self);
}

/**
 * ferry_loopback_listener_wait_finish:
 *
 * Returns: (transfer full): the authorization code
 */
char *
ferry_loopback_listener_wait_finish (FerryLoopbackListener  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
