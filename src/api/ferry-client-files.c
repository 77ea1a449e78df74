/* ferry-client-files.c: files: pictures in memory, ActivityPub documents, downloads to disk
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * None of these carries the token. They wait in the client's queue of files, behind the API
 * calls, with the same retries; the answer is read by ferry-client-answer.c.
 */

#define G_LOG_DOMAIN "ferry-client"

#include "config.h"

#include "ferry-client.h"
#include "ferry-client-private.h"

static void
download (FerryClient         *self,
          const char          *url,
          const char          *accept,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  Request *req = g_new0 (Request, 1);

  req->method = g_strdup ("GET");
  req->url = _ferry_client_absolute_url (self, url);
  req->raw = TRUE;
  req->accept = accept;
  /* An ActivityPub document is JSON a caller parses: an API answer's cap. */
  if (accept != NULL)
    req->max_size = (goffset) self->max_answer;
  _ferry_client_enqueue (self, req, source_tag, cancellable, callback, user_data);
}

/* A file (an avatar, a header), in memory, without the token, with the same retries; at
 * most 16 MiB (a file to keep on disk goes through ferry_client_download_async()). */
void
ferry_client_get_bytes_async (FerryClient         *self,
                              const char          *url,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  download (self, url, NULL, ferry_client_get_bytes_async, cancellable, callback, user_data);
}

/* An ActivityPub actor, unsigned and without the token; authorized fetch refuses it (AUTH). */
void
ferry_client_get_activity_async (FerryClient         *self,
                                 const char          *uri,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  download (self, uri, "application/activity+json", ferry_client_get_bytes_async, cancellable,
            callback, user_data);
}

GBytes *
ferry_client_get_bytes_finish (FerryClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_client_download_async:
 * @url: a file's https address (any server: media may live on another host)
 * @path: where it goes; it is written as it arrives into ".NAME.ferry-part" beside it (0600),
 *   synced, and renamed into place only when whole
 * @max_bytes: the largest file taken (the instance's limit where known); 0 for the client's
 *   default (100 MiB)
 *
 * A file to keep, streamed to disk, never held in memory, without the token. A file larger
 * than @max_bytes fails with %FERRY_API_ERROR_TOO_LARGE and leaves nothing behind.
 */
void
ferry_client_download_async (FerryClient         *self,
                             const char          *url,
                             const char          *path,
                             goffset              max_bytes,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Request *req;

  g_return_if_fail (FERRY_IS_CLIENT (self));
  g_return_if_fail (url != NULL && path != NULL);

  req = g_new0 (Request, 1);
  req->method = g_strdup ("GET");
  req->url = _ferry_client_absolute_url (self, url);
  req->raw = TRUE;
  req->path = g_strdup (path);
  req->max_size = max_bytes > 0 ? max_bytes : self->max_file;
  _ferry_client_enqueue (self, req, ferry_client_download_async, cancellable, callback, user_data);
}

/**
 * ferry_client_download_finish:
 * @size: (out) (optional): the file's size
 *
 * Returns: whether the file is in place, whole
 */
gboolean
ferry_client_download_finish (FerryClient   *self,
                              GAsyncResult  *result,
                              goffset       *size,
                              GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (size != NULL)
    *size = MAX (n, 0);
  return n >= 0;
}
