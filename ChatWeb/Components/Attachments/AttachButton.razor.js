// Files pasted into the conversation or dropped onto it go to the attach button's file input, as
// if chosen there: Blazor's InputFile then streams them like any other choice.
export function connect(input) {
    const zone = input.closest('.conversation') ?? document.body;
    const hand = files => {
        const transfer = new DataTransfer();
        for (const file of files) {
            transfer.items.add(file);
        }
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const hasFiles = e => e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const onPaste = e => {
        const files = Array.from(e.clipboardData?.files ?? []);
        if (files.length > 0) {
            e.preventDefault();
            hand(files);
        }
    };
    const onDragOver = e => {
        if (hasFiles(e)) {
            e.preventDefault();
            zone.classList.add('drop-target');
        }
    };
    const onDragLeave = e => {
        if (!zone.contains(e.relatedTarget)) {
            zone.classList.remove('drop-target');
        }
    };
    const onDrop = e => {
        zone.classList.remove('drop-target');
        if (hasFiles(e) && e.dataTransfer.files.length > 0) {
            e.preventDefault();
            hand(e.dataTransfer.files);
        }
    };
    zone.addEventListener('paste', onPaste);
    zone.addEventListener('dragover', onDragOver);
    zone.addEventListener('dragleave', onDragLeave);
    zone.addEventListener('drop', onDrop);
    return {
        dispose() {
            zone.removeEventListener('paste', onPaste);
            zone.removeEventListener('dragover', onDragOver);
            zone.removeEventListener('dragleave', onDragLeave);
            zone.removeEventListener('drop', onDrop);
        },
    };
}
