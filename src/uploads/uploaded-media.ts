/** The sizes the platform serves an image in. */
export interface MediaUrls {
  full: string;
  large: string;
  medium: string;
  small: string;
  thumb: string;
}

/** An uploaded image, as the platform's `Image`: its ID goes in a post's content or an `imageId` field. */
export interface UploadedImage {
  id: string;
  url: string;
  downloadUrl: string;
  urls: MediaUrls | null;
  name: string;
  contentType: string;
  size: number;
}

/** An uploaded file, as the platform's `File`: its ID goes in a post's `attachmentIds`. */
export interface UploadedFile {
  id: string;
  url: string;
  downloadUrl: string;
  name: string;
  contentType: string;
  size: number;
  extension: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML that embeds an uploaded image in a post's `content`, as the platform's editor writes it. */
export function imageHtml(image: Pick<UploadedImage, 'id' | 'url' | 'name'>, alt = image.name): string {
  const id = escapeHtml(image.id);
  return `<figure data-type="image" data-id="${id}"><img src="${escapeHtml(image.url)}" data-id="${id}" alt="${escapeHtml(alt)}"></figure>`;
}
