/* ferry-move-error.c: the move's error domain
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refusal's code is decided once, by the server family's backend from the answer's status
 * and the server's own text (ferry_move_backend_classify()); here it becomes a
 * FERRY_MOVE_ERROR with a sentence that says what to do, and the server's words beside it.
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-move-error.h"

typedef struct
{
  gint64  until;         /* Unix seconds; 0: not known */
  guint   http_status;   /* of the refusal's answer; 0: none */
  char   *server_text;   /* the server's own words; %NULL: none */
} FerryMoveErrorPrivate;

static void
ferry_move_error_private_init (FerryMoveErrorPrivate *priv)
{
  priv->until = 0;
  priv->http_status = 0;
  priv->server_text = NULL;
}

static void
ferry_move_error_private_copy (const FerryMoveErrorPrivate *src,
                               FerryMoveErrorPrivate       *dest)
{
  dest->until = src->until;
  dest->http_status = src->http_status;
  dest->server_text = g_strdup (src->server_text);
}

static void
ferry_move_error_private_clear (FerryMoveErrorPrivate *priv)
{
  g_clear_pointer (&priv->server_text, g_free);
}

G_DEFINE_EXTENDED_ERROR (FerryMoveError, ferry_move_error)

static FerryMoveErrorPrivate *
private_of (const GError *error)
{
  if (error == NULL || error->domain != FERRY_MOVE_ERROR)
    return NULL;
  return ferry_move_error_get_private (error);
}

/**
 * ferry_move_error_get_until:
 * @error: (nullable): any error
 *
 * Returns: for %FERRY_MOVE_ERROR_COOLDOWN and %FERRY_MOVE_ERROR_RATE_LIMITED, when the
 *   server will take the step again (Unix seconds); 0 when not known
 */
gint64
ferry_move_error_get_until (const GError *error)
{
  FerryMoveErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->until : 0;
}

guint
ferry_move_error_get_http_status (const GError *error)
{
  FerryMoveErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->http_status : 0;
}

const char *
ferry_move_error_get_server_text (const GError *error)
{
  FerryMoveErrorPrivate *priv = private_of (error);

  return priv != NULL ? priv->server_text : NULL;
}

/**
 * ferry_move_error_explain:
 *
 * Returns: (transfer full) (nullable): what a refusal with @code means and what to do, or
 *   %NULL where the server's own words are all there is
 */
char *
ferry_move_error_explain (FerryMoveError code)
{
  switch (code)
    {
    case FERRY_MOVE_ERROR_COOLDOWN:
      return g_strdup (_("This account moved recently, and the server allows only one move per "
                         "account in a while (30 days on Mastodon, 7 days on GoToSocial). Nothing "
                         "changed: try again when that time is over."));
    case FERRY_MOVE_ERROR_NOT_AN_ALIAS:
      return g_strdup (_("The new account does not name the old one as an alias yet, so the old "
                         "server refuses the move. Do the alias step first; if it is done, wait a "
                         "minute (some servers take a while to see it) and try again."));
    case FERRY_MOVE_ERROR_RATE_LIMITED:
      return g_strdup (_("The server allows one move attempt every five minutes. Wait five "
                         "minutes and try again."));
    case FERRY_MOVE_ERROR_WRONG_PASSWORD:
      return g_strdup (_("The old server says the password is wrong. Type the password you sign "
                         "in to the old account with on the web."));
    case FERRY_MOVE_ERROR_TARGET_MOVED:
      return g_strdup (_("The account to move to has itself moved away, or this account already "
                         "moved there. Check both accounts’ pages."));
    case FERRY_MOVE_ERROR_NOT_FOUND:
      return g_strdup (_("The server could not find the other account. Check that it exists and "
                         "that its server is up, then try again."));
    case FERRY_MOVE_ERROR_REFUSED:
    case FERRY_MOVE_ERROR_PASSWORD_NEEDED:
    case FERRY_MOVE_ERROR_UNSUPPORTED:
    case FERRY_MOVE_ERROR_TIMED_OUT:
    default:
      return NULL;
    }
}

/* A 429: when the server takes requests again, if it said. */
static char *
slow_down (gint64 until)
{
  g_autoptr(GDateTime) when = until > 0 ? g_date_time_new_from_unix_local (until) : NULL;
  g_autofree char *time = when ? g_date_time_format (when, "%X") : NULL;

  if (time == NULL)
    return g_strdup (_("The server asked Ferry to slow down. Nothing changed: wait a few "
                       "minutes and try again."));
  /* Translators: %s is a time of day */
  return g_strdup_printf (_("The server takes no more requests from Ferry until %s. Nothing "
                            "changed: try again then."), time);
}

static FerryMoveError
code_for (FerryMoveRefusal refusal)
{
  switch (refusal)
    {
    case FERRY_MOVE_REFUSAL_COOLDOWN:
      return FERRY_MOVE_ERROR_COOLDOWN;
    case FERRY_MOVE_REFUSAL_RATE_LIMITED:
      return FERRY_MOVE_ERROR_RATE_LIMITED;
    case FERRY_MOVE_REFUSAL_NOT_AN_ALIAS:
      return FERRY_MOVE_ERROR_NOT_AN_ALIAS;
    case FERRY_MOVE_REFUSAL_WRONG_PASSWORD:
      return FERRY_MOVE_ERROR_WRONG_PASSWORD;
    case FERRY_MOVE_REFUSAL_TARGET_MOVED:
      return FERRY_MOVE_ERROR_TARGET_MOVED;
    case FERRY_MOVE_REFUSAL_NOT_FOUND:
      return FERRY_MOVE_ERROR_NOT_FOUND;
    case FERRY_MOVE_REFUSAL_OTHER:
    default:
      return FERRY_MOVE_ERROR_REFUSED;
    }
}

/**
 * ferry_move_error_new_refusal:
 * @backend: the family of the server that refused
 * @error: (transfer full): what it answered to an alias or a move
 * @cooldown_ends: when a cooldown ends by what Ferry saw (its last move plus the server's
 *   cooldown), for servers that do not say; 0 when not known
 *
 * Returns: (transfer full): a %FERRY_MOVE_ERROR whose message says what to do, then the
 *   server's answer; @error itself where no answer came (cancelled, network)
 */
GError *
ferry_move_error_new_refusal (FerryMoveBackend *backend,
                              GError           *error,
                              gint64            cooldown_ends)
{
  g_autoptr(GError) refusal = error;
  g_autofree char *explanation = NULL;
  FerryMoveErrorPrivate *priv;
  FerryMoveError code;
  gint64 until = 0;
  GError *result;

  g_return_val_if_fail (FERRY_IS_MOVE_BACKEND (backend), error);
  g_return_val_if_fail (error != NULL, NULL);

  /* Only an answer is a refusal: a lost connection or a cancellation stays what it is. */
  if (error->domain != FERRY_API_ERROR || ferry_api_error_get_http_status (error) == 0)
    return g_steal_pointer (&refusal);
  code = code_for (ferry_move_backend_classify (backend, error, &until));
  if (code == FERRY_MOVE_ERROR_COOLDOWN && until == 0)
    until = cooldown_ends;
  if (code == FERRY_MOVE_ERROR_RATE_LIMITED && ferry_api_error_get_http_status (error) == 429)
    explanation = slow_down (until);   /* the server's budget, not a family's own window */
  else
    explanation = ferry_move_error_explain (code);
  if (explanation != NULL)
    result = g_error_new (FERRY_MOVE_ERROR, code, "%s (%s)", explanation, error->message);
  else
    result = g_error_new (FERRY_MOVE_ERROR, code, _("The server refused: %s"), error->message);
  priv = ferry_move_error_get_private (result);
  priv->until = until;
  priv->http_status = ferry_api_error_get_http_status (error);
  priv->server_text = g_strdup (ferry_api_error_get_server_text (error));
  return result;
}
